/**
 * The hourly reconcile against the fake Omi, in Developer Settings mode (personal
 * webhook URLs, no app-wide token): the hub is stopped while Omi "sends" webhooks (the
 * simulator's requests fail), and the next reconcile, started by the maintenance job
 * as the timer or Vercel Cron would, fills every conversation of its window that is
 * missing, says so on the Deliveries API, picks up an edit made in Omi, and leaves
 * everything else alone.
 */
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { allTokenScopes } from "@/lib/auth/token-scopes";
import { useTestDb } from "../db";
import { accountWithLink, devFake, hubServer, runUntilSettled } from "./helpers";

const fake = await vi.hoisted(async () => (await import("@/tests/omi-sync/fake-env")).fakeOmiWithEnv({ OMI_WEBHOOK_TOKEN: "" }));
const omi = devFake(fake);

useTestDb();
afterAll(() => fake.close());

const UID = "reconcileUid000000000000001";
const KEY = "omi_dev_reconcile_key_0001";

async function callRoute(path: string, token: string) {
  const { GET } = await import("@/app/api/v1/deliveries/missed/route");
  const res = await GET(new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve({}),
  });
  return { status: res.status, body: (await res.json()) as { total: number; items: { omiId: string; memoryId: string; title: string }[] } };
}

describe("reconcile", () => {
  it("fills what webhooks missed while the hub was down, and the Deliveries API says so", { timeout: 120_000 }, async () => {
    const hour = 3_600_000;
    // 20 conversations over the last ~40 hours (inside the 48-hour window), and 3 from four days ago.
    const recent = await omi.seed({
      key: KEY,
      uid: UID,
      generate: { conversations: 20, segments: 3, newest: new Date(Date.now() - hour).toISOString(), spacingMinutes: 120 },
    });
    const old = await omi.seed({
      uid: UID,
      generate: { conversations: 3, segments: 3, newest: new Date(Date.now() - 96 * hour).toISOString() },
    });
    const ids = recent.conversations.map((c) => c.id);

    const { userId, linkId } = await accountWithLink(UID, fake);
    const { getWebhookToken } = await import("@/lib/auth/webhook-tokens");
    const { createApiToken } = await import("@/lib/accounts/api-tokens");
    const personal = await getWebhookToken(userId);
    const { token: apiToken } = await createApiToken({ userId, name: "test", scopes: allTokenScopes });

    const sim = await import("@/scripts/simulator");
    const hub = await hubServer();
    const target = { baseUrl: hub.url, token: personal, uid: UID, retries: false as const };
    const send = async (which: string[]) =>
      sim.sendMemoryBodies({ ...target, bodies: await Promise.all(which.map((id) => omi.webhookBody(id))) });

    // Omi delivered the first ten while the hub was up.
    const delivered = await send(ids.slice(10));
    expect(delivered.requests.every((r) => r.status === 200)).toBe(true);
    const { connectKey } = await import("@/lib/omi-sync/keys");
    expect((await connectKey({ userId, linkId, key: KEY })).evidence).toBe("own_conversation");

    // The hub goes down; Omi tries eight more and gives up. Two more it never sent at all.
    await hub.stop();
    const lost = await send(ids.slice(2, 10));
    expect(lost.requests.map((r) => r.status)).toEqual(Array(8).fill(0));
    await hub.start();
    // Meanwhile the person renamed a delivered conversation in the Omi app.
    await omi.editConversation(ids[15]!, { title: "Renamed in the Omi app" });

    // An hour later the maintenance job (the in-process timer, or Vercel Cron) queues the reconcile.
    const { rows } = await import("@/db/client");
    await rows(sql`update omi_dev_keys set next_reconcile_at = now() - interval '1 minute'`);
    const callsBefore = (await omi.calls(KEY)).length;
    const { runMaintenance } = await import("@/lib/maintenance");
    expect(await runMaintenance()).toMatchObject({ reconcilesQueued: 1 });
    const [queued] = await rows<{ id: string }>(sql`select id from omi_sync_jobs where kind = 'reconcile'`);
    const { toJobView } = await import("@/lib/omi-sync/jobs");
    const job = toJobView(await runUntilSettled(queued!.id));
    expect(job).toMatchObject({
      state: "done",
      counts: { conversationsRead: 20, conversationsCreated: 10, conversationsUpdated: 1, missing: 10 },
    });

    const held = await rows<{ omi_id: string; n: number; title: string; revisions: number; owner: string | null }>(
      sql`select omi_id, count(*)::int as n, max(title) as title, max(revisions) as revisions, max(owner_user_id) as owner from memories where uid = ${UID} group by omi_id`,
    );
    // Two pages of conversations (the second empty), one of action items, one of facts.
    expect((await omi.calls(KEY)).length - callsBefore).toBe(4);
    expect(held.map((m) => m.omi_id).sort()).toEqual([...ids].sort());
    expect(held.every((m) => m.n === 1 && m.owner === userId)).toBe(true);
    expect(held.find((m) => m.omi_id === ids[15])).toMatchObject({ title: "Renamed in the Omi app", revisions: 2 });
    // Outside the window: a reconcile does not reach back four days (the import does).
    expect(held.some((m) => old.conversations.some((o) => o.id === m.omi_id))).toBe(false);

    const missed = await callRoute("/api/v1/deliveries/missed", apiToken);
    expect(missed.status).toBe(200);
    expect(missed.body.total).toBe(10);
    expect(missed.body.items.map((i) => i.omiId).sort()).toEqual(ids.slice(0, 10).sort());
    expect(missed.body.items.every((i) => i.memoryId && i.title)).toBe(true);

    // A second pass finds nothing: no new findings, no writes.
    const [before] = await rows<{ sum: number }>(sql`select sum(revisions)::int as sum from memories`);
    const { reconcileNow } = await import("@/lib/omi-sync/jobs");
    const again = toJobView(await runUntilSettled((await reconcileNow({ userId, linkId })).id));
    expect(again.counts).toMatchObject({ conversationsRead: 20, conversationsCreated: 0, conversationsUpdated: 0, missing: 0 });
    const [after] = await rows<{ sum: number }>(sql`select sum(revisions)::int as sum from memories`);
    expect(after).toEqual(before);
    expect((await callRoute("/api/v1/deliveries/missed", apiToken)).body.total).toBe(10);
    await hub.stop();
  });
});
