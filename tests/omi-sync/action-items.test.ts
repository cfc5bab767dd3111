/**
 * Action items both ways with the fake Omi: a tick here is PATCHed to Omi (the id
 * found by conversation + description), a tick in Omi comes back on reconcile, the
 * later of two conflicting changes wins and the item's history says so, and a key that
 * may only read leaves ticks here with the reason in words.
 */
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { allTokenScopes } from "@/lib/auth/token-scopes";
import { resetTables, useTestDb } from "../db";
import { accountWithLink, devFake, runUntilSettled } from "./helpers";

const fake = await vi.hoisted(async () => (await import("@/tests/omi-sync/fake-env")).fakeOmiWithEnv({ OMI_WEBHOOK_TOKEN: "" }));
const omi = devFake(fake);

useTestDb();
afterAll(() => fake.close());
beforeEach(async () => {
  await resetTables();
  await fetch(`${fake.url}/__fake/reset`);
});

const UID = "ticksUid00000000000000000001";
const KEY = "omi_dev_ticks_key_00000001";
const writeScopes = ["conversations:read", "action_items:read", "action_items:write", "memories:read"];

/** An account whose personal webhook delivered Omi's conversations; its key connected. */
async function setup({ scopes = writeScopes }: { scopes?: string[] } = {}) {
  const seeded = await omi.seed({
    key: KEY,
    uid: UID,
    scopes,
    generate: { conversations: 3, actionItemsPerConversation: 2, segments: 2, newest: new Date(Date.now() - 3_600_000).toISOString() },
  });
  const { userId, linkId } = await accountWithLink(UID, fake);
  const { getWebhookToken } = await import("@/lib/auth/webhook-tokens");
  const { send } = await import("@/tests/webhooks/harness");
  const personal = await getWebhookToken(userId);
  for (const c of seeded.conversations) {
    const sent = await send("memory", { pathToken: personal, query: `?uid=${UID}`, body: JSON.stringify(await omi.webhookBody(c.id)) });
    expect(sent.status).toBe(200);
  }
  const { connectKey } = await import("@/lib/omi-sync/keys");
  await connectKey({ userId, linkId, key: KEY });
  const { createApiToken } = await import("@/lib/accounts/api-tokens");
  const { token } = await createApiToken({ userId, name: "test", scopes: allTokenScopes });
  return { userId, linkId, token, conversations: seeded.conversations.map((c) => c.id) };
}

async function items(userId: string) {
  const { listActionItems } = await import("@/lib/memories/action-items");
  const { scopeFor } = await import("@/lib/auth/scope");
  return (await listActionItems({ scope: await scopeFor(userId), status: "all", limit: 100 })).items;
}

async function tickHere(token: string, id: string, completed: boolean) {
  const { PATCH } = await import("@/app/api/v1/action-items/[id]/route");
  const res = await PATCH(
    new Request(`http://localhost/api/v1/action-items/${id}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ completed }),
    }),
    { params: Promise.resolve({ id }) },
  );
  expect(res.status).toBe(200);
  return (await res.json()) as Awaited<ReturnType<typeof items>>[number];
}

async function reconcile(userId: string, linkId: string) {
  const { reconcileNow, toJobView } = await import("@/lib/omi-sync/jobs");
  return toJobView(await runUntilSettled((await reconcileNow({ userId, linkId })).id));
}

const omiItem = async (description: string) => (await omi.actionItems(UID)).find((i) => i.description === description)!;

describe("action items both ways", () => {
  it("a tick here is completed in Omi, found by conversation and description when Omi's id is not known yet", async () => {
    const { userId, token } = await setup();
    const [first] = await items(userId);
    expect(first!.omiId).toBeNull(); // webhooks carry no id

    const ticked = await tickHere(token, first!.id, true);
    const inOmi = await omiItem(first!.description);
    expect(ticked).toMatchObject({
      completed: true,
      omiId: inOmi.id,
      omiSync: { state: "sent", error: null },
      lastChange: { source: "hub", completed: true, note: "Sent to Omi: completed there too" },
    });
    expect(inOmi.completed).toBe(true);
    expect(await omi.patches()).toEqual([expect.objectContaining({ id: inOmi.id, body: { completed: true }, status: 200 })]);

    // And back: unticking reopens it in Omi.
    await tickHere(token, first!.id, false);
    expect((await omiItem(first!.description)).completed).toBe(false);
  });

  it("a tick in Omi shows here after the reconcile, in the item's history", async () => {
    const { userId, linkId } = await setup();
    await reconcile(userId, linkId);
    const target = (await items(userId))[2]!;
    await omi.tickInOmi(target.omiId!, true);

    const job = await reconcile(userId, linkId);
    expect(job.counts.actionItemsChanged).toBe(1);
    const after = (await items(userId)).find((i) => i.id === target.id)!;
    expect(after).toMatchObject({
      completed: true,
      completedOmi: true,
      completedLocal: null,
      lastChange: { source: "omi", completed: true, note: "Completed in Omi" },
    });
    // Read again: nothing new.
    expect((await reconcile(userId, linkId)).counts.actionItemsChanged).toBe(0);
  });

  it("conflicts: the later change wins, whichever side made it", async () => {
    const { userId, linkId, token } = await setup();
    await reconcile(userId, linkId);
    const [a, b] = await items(userId);

    // A: ticked here while Omi is away (the tick waits), then, later, ticked and reopened in the Omi app.
    await omi.unavailable(true);
    expect((await tickHere(token, a!.id, true)).omiSync).toMatchObject({ state: "pending", error: expect.stringMatching(/Not sent yet/) });
    await omi.unavailable(false);
    await new Promise((r) => setTimeout(r, 20));
    await omi.tickInOmi(a!.omiId!, true);
    await omi.tickInOmi(a!.omiId!, false); // the person reopened it in Omi after ticking it here

    // B: changed in Omi first, then ticked here later while Omi is away.
    await omi.tickInOmi(b!.omiId!, true);
    await new Promise((r) => setTimeout(r, 20));
    await omi.unavailable(true);
    await tickHere(token, b!.id, false);
    await omi.unavailable(false);

    await reconcile(userId, linkId);
    const after = await items(userId);
    const aNow = after.find((i) => i.id === a!.id)!;
    const bNow = after.find((i) => i.id === b!.id)!;
    expect(aNow).toMatchObject({ completed: false, completedLocal: null, omiSync: null, lastChange: { source: "omi", completed: false } });
    expect(aNow.lastChange!.note).toMatch(/Omi's wins/);
    // B's tick here was later: it stands and went to Omi with the reconcile.
    expect(bNow).toMatchObject({ completed: false, completedLocal: false, omiSync: { state: "sent" } });
    expect((await omi.actionItems(UID)).find((i) => i.id === b!.omiId)!.completed).toBe(false);

    const { db } = await import("@/db/client");
    const { actionItemChanges } = await import("@/db/schema");
    const { eq, asc } = await import("drizzle-orm");
    const history = await db
      .select()
      .from(actionItemChanges)
      .where(eq(actionItemChanges.actionItemId, a!.id))
      .orderBy(asc(actionItemChanges.at));
    expect(history.map((h) => [h.source, h.completed])).toEqual([
      ["hub", true],
      ["omi", false],
    ]);
  });

  it("a key that may only read keeps ticks here and says why; nothing is PATCHed", async () => {
    const { userId, token } = await setup({ scopes: ["conversations:read", "action_items:read"] });
    const [first] = await items(userId);
    const ticked = await tickHere(token, first!.id, true);
    expect(ticked).toMatchObject({
      completed: true,
      omiSync: { state: "failed", error: expect.stringMatching(/may only read.*action_items:write/) },
    });
    expect(await omi.patches()).toEqual([]);
  });

  it("a key whose permissions Omi does not tell: the tick fails with Omi's 403 in words", async () => {
    const seeded = await omi.seed({
      key: "omi_dev_noselfcheck_0001",
      uid: UID,
      scopes: ["conversations:read", "action_items:read"],
      selfCheck: false,
      generate: { conversations: 1, actionItemsPerConversation: 1, segments: 1 },
    });
    const { userId, linkId } = await accountWithLink(UID, fake);
    const { getWebhookToken } = await import("@/lib/auth/webhook-tokens");
    const { send } = await import("@/tests/webhooks/harness");
    await send("memory", {
      pathToken: await getWebhookToken(userId),
      query: `?uid=${UID}`,
      body: JSON.stringify(await omi.webhookBody(seeded.conversations[0]!.id)),
    });
    const { connectKey } = await import("@/lib/omi-sync/keys");
    expect((await connectKey({ userId, linkId, key: "omi_dev_noselfcheck_0001" })).canWriteActionItems).toBeNull();
    const { createApiToken } = await import("@/lib/accounts/api-tokens");
    const { token } = await createApiToken({ userId, name: "t", scopes: allTokenScopes });
    const [first] = await items(userId);
    const ticked = await tickHere(token, first!.id, true);
    expect(ticked.omiSync).toMatchObject({ state: "failed", error: expect.stringMatching(/action_items:write/) });
    expect(ticked.lastChange!.note).toMatch(/Not sent to Omi/);
  });
});
