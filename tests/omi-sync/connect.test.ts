/**
 * Connecting an Omi Developer API key (against the fake Omi): the key is checked with
 * Omi, must read THE linked uid's account, is stored encrypted and never shown again.
 * Runs in "published app" mode (app-wide webhook token, verified links), where imported
 * rows are the uid's shared app-token rows and the proof is strictest.
 */
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { resetTables, useTestDb } from "../db";
import { APP_TOKEN } from "./fake-env";
import { accountWithLink, devFake } from "./helpers";

const fake = await vi.hoisted(async () => (await import("@/tests/omi-sync/fake-env")).fakeOmiWithEnv());
const omi = devFake(fake);

useTestDb();
afterAll(() => fake.close());
beforeEach(async () => {
  await resetTables();
  await fetch(`${fake.url}/__fake/reset`);
});

async function deliverThroughApp(uid: string, conversationId: string) {
  const { send } = await import("@/tests/webhooks/harness");
  const body = await omi.webhookBody(conversationId);
  const sent = await send("memory", { pathToken: APP_TOKEN, query: `?uid=${uid}`, body: JSON.stringify(body) });
  expect(sent.status).toBe(200);
}

async function connect(userId: string, linkId: string, key: string) {
  const { connectKey } = await import("@/lib/omi-sync/keys");
  return connectKey({ userId, linkId, key });
}

describe("connect a Developer API key", () => {
  it("accepts a key that reads a conversation Omi delivered for the uid; stores it encrypted; shows only a prefix", async () => {
    const seeded = await omi.seed({
      key: "omi_dev_alice_key_0001",
      uid: "alice",
      scopes: ["conversations:read", "action_items:read", "action_items:write", "memories:read"],
      generate: { conversations: 3 },
    });
    const { userId, linkId } = await accountWithLink("alice", fake);
    await deliverThroughApp("alice", seeded.conversations[0]!.id);

    const connection = await connect(userId, linkId, "omi_dev_alice_key_0001");
    expect(connection).toMatchObject({
      evidence: "app_conversation",
      status: "active",
      canWriteActionItems: true,
      keyPrefix: "omi_dev_alic…",
    });
    expect(JSON.stringify(connection)).not.toContain("omi_dev_alice_key_0001");

    const { db } = await import("@/db/client");
    const { omiDevKeys } = await import("@/db/schema");
    const [row] = await db.select().from(omiDevKeys);
    expect(row!.keyEnc).not.toContain("alice_key");
    const { keySecret } = await import("@/lib/omi-sync/keys");
    expect(keySecret(row!)).toBe("omi_dev_alice_key_0001");
  });

  it("refuses a key that reads someone else's Omi account (an attacker's own key)", async () => {
    const alice = await omi.seed({ uid: "alice", generate: { conversations: 2 } });
    await omi.seed({ key: "omi_dev_mallory_key_01", uid: "mallory", generate: { conversations: 5 } });
    const { userId, linkId } = await accountWithLink("alice", fake);
    await deliverThroughApp("alice", alice.conversations[0]!.id);

    await expect(connect(userId, linkId, "omi_dev_mallory_key_01")).rejects.toMatchObject({
      code: "validation_failed",
      message: expect.stringMatching(/reads a different Omi account/),
    });
    const { db } = await import("@/db/client");
    const { omiDevKeys } = await import("@/db/schema");
    expect(await db.select().from(omiDevKeys)).toEqual([]);
  });

  it("will not write the uid's shared rows before Omi delivered anything to check the key against", async () => {
    await omi.seed({ key: "omi_dev_alice_key_0001", uid: "alice", generate: { conversations: 2 } });
    const { userId, linkId } = await accountWithLink("alice", fake);
    await expect(connect(userId, linkId, "omi_dev_alice_key_0001")).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/has not delivered any conversation/),
    });
  });

  it("says in words what Omi answered: unknown key, missing scope, rate limit, Omi down; works without Omi's self-check", async () => {
    const seeded = await omi.seed({
      key: "omi_dev_noconv_key_01",
      uid: "alice",
      scopes: ["memories:read"],
      generate: { conversations: 1 },
    });
    const { userId, linkId } = await accountWithLink("alice", fake);
    await deliverThroughApp("alice", seeded.conversations[0]!.id);

    await expect(connect(userId, linkId, "omi_dev_unknown_key_1")).rejects.toMatchObject({
      code: "validation_failed",
      message: expect.stringMatching(/does not accept this key/),
    });
    await expect(connect(userId, linkId, "omi_dev_noconv_key_01")).rejects.toMatchObject({
      message: expect.stringMatching(/cannot read conversations/),
    });

    await omi.addKey({ key: "omi_dev_alice_key_0002", uid: "alice" });
    await omi.force429(0, 7);
    await expect(connect(userId, linkId, "omi_dev_alice_key_0002")).rejects.toMatchObject({
      code: "rate_limited",
      headers: { "retry-after": "7" },
    });
    await omi.unavailable(true);
    await expect(connect(userId, linkId, "omi_dev_alice_key_0002")).rejects.toMatchObject({ code: "service_unavailable" });
    await omi.unavailable(false);
    // Without Omi's self-check (older deployments) a list call proves the key; scopes stay unknown.
    await omi.addKey({ key: "omi_dev_alice_key_0003", uid: "alice", selfCheck: false });
    expect(await connect(userId, linkId, "omi_dev_alice_key_0003")).toMatchObject({
      scopes: null,
      canWriteActionItems: null,
      evidence: "app_conversation",
    });
  });

  it("refuses links of other accounts (404) and unverified links", async () => {
    await omi.seed({ key: "omi_dev_alice_key_0001", uid: "alice", generate: { conversations: 1 } });
    const owner = await accountWithLink("alice", fake);
    const other = await accountWithLink("bob", fake);
    await expect(connect(other.userId, owner.linkId, "omi_dev_alice_key_0001")).rejects.toMatchObject({ code: "not_found" });

    // A link still waiting for its code proves nothing yet.
    const { startLink } = await import("@/lib/auth/linking");
    const pending = await startLink({ userId: other.userId, uid: "carol" });
    expect(pending.status).toBe("unverified");
    await expect(connect(other.userId, pending.id, "omi_dev_alice_key_0001")).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/Confirm carol first/),
    });
  });
});
