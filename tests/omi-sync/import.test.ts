/**
 * "Import from Omi" at full size against the fake Omi: a fresh account (published-app
 * mode: verified link, app-wide webhook token) connects its key and imports 1,000
 * conversations with transcripts and 2,000+ action items, while
 *  - webhooks for some of the same conversations arrive (the simulator, over HTTP,
 *    through the real webhook route) before and during the import,
 *  - Omi answers one call with 429 + Retry-After,
 *  - the runner dies mid-step holding its lease and another one takes over ("restart").
 * It ends with exactly one memory per conversation Omi lists, every action item tied to
 * Omi's id, Omi's facts, a progress that only grows to 100 %, and a re-scan that
 * changes nothing.
 */
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { useTestDb } from "../db";
import { APP_TOKEN } from "./fake-env";
import { accountWithLink, devFake, hubServer, runUntilSettled, type Json } from "./helpers";

const fake = await vi.hoisted(async () =>
  // Omi's production boost (its rate-limit config says 100); our budget is 80 % of that.
  (await import("@/tests/omi-sync/fake-env")).fakeOmiWithEnv({ OMI_DEV_API_RATE_BOOST: "100" }),
);
const omi = devFake(fake);

useTestDb();
afterAll(() => fake.close());

const UID = "importUid0000000000000000001";
const KEY = "omi_dev_import_test_key_0001";

describe("import 1,000 conversations and 2,000 action items", () => {
  it("completes once per conversation through webhooks racing it, a 429 and a restart halfway", { timeout: 600_000 }, async () => {
    await omi.config({ boost: 100 });
    const seeded = await omi.seed({
      key: KEY,
      uid: UID,
      scopes: ["conversations:read", "action_items:read", "action_items:write", "memories:read"],
      // Every 50th conversation is locked (dropped from pages after they are read: short pages mid-stream),
      // every 97th discarded (never listed); 2 action items each plus 100 made in the Omi app = 2,100 items.
      generate: {
        conversations: 1000,
        actionItemsPerConversation: 2,
        standaloneActionItems: 100,
        facts: 30,
        segments: 6,
        lockedEvery: 50,
        discardedEvery: 97,
      },
    });
    const listed = seeded.conversations.filter((c) => !c.locked && !c.discarded).map((c) => c.id);
    expect(listed.length).toBeGreaterThan(950);

    const sim = await import("@/scripts/simulator");
    const hub = await hubServer();
    const target = { baseUrl: hub.url, token: APP_TOKEN, uid: UID, retries: false as const };
    const deliver = async (ids: string[]) => {
      const bodies = await Promise.all(ids.map((id) => omi.webhookBody(id)));
      const { requests } = await sim.sendMemoryBodies({ ...target, bodies });
      expect(requests.map((r) => r.status)).toEqual(ids.map(() => 200));
    };

    // A fresh account; Omi already delivered two conversations through the app (the key is checked against them).
    const { userId, linkId } = await accountWithLink(UID, fake);
    await deliver([listed[0]!, listed[500]!]);
    const { connectKey } = await import("@/lib/omi-sync/keys");
    expect((await connectKey({ userId, linkId, key: KEY })).evidence).toBe("app_conversation");

    const { startImport, toJobView, getJob } = await import("@/lib/omi-sync/jobs");
    const { advanceDueJobs, claimJob, stepJob } = await import("@/lib/omi-sync/runner");
    const job = await startImport({ userId, linkId });
    const progress: number[] = [];
    const watch = async () => {
      const view = toJobView(await getJob({ userId, id: job.id }));
      if (view.progress !== null) progress.push(view.progress);
      return view;
    };

    // One step at a time (a fast machine would read every page within one timed batch), waiting while the job waits.
    const stepOnce = async () => {
      const claimed = await claimJob();
      if (claimed) await stepJob(claimed);
      else await new Promise((r) => setTimeout(r, 100));
    };

    // Counting, then a few pages.
    while ((await watch()).counts.conversationsRead < 200) await stepOnce();
    expect((await watch()).totalConversations).toBeGreaterThan(900);

    // Webhooks during the import: some for conversations already imported, some for ones still ahead.
    await deliver([listed[10]!, listed[150]!, listed[600]!, listed[700]!, listed[900]!]);

    // Omi refuses the call after next with a 429 (Retry-After: 1 s): the job waits, then goes on.
    await omi.force429(1, 1);
    await advanceDueJobs({ deadlineMs: 2_000 });
    let view = await watch();
    for (let i = 0; i < 5 && view.state !== "waiting"; i++) {
      await advanceDueJobs({ deadlineMs: 500 });
      view = await watch();
    }
    expect(view).toMatchObject({ state: "waiting", waitReason: "rate_limited" });
    expect(view.lastError).toMatch(/hourly limit .* trying again in 1 s/);

    // Halfway: a runner claims a step and dies holding its lease (the process was killed).
    while ((await watch()).counts.conversationsRead < 500) await stepOnce();
    const dead = await claimJob({ leaseMs: 1_500 });
    expect(dead?.id).toBe(job.id);
    const before = await watch();
    expect(await advanceDueJobs({ deadlineMs: 300 })).toBe(0); // nobody else may run it while the lease holds
    if (process.env.DATABASE_URL) {
      // On a database server, also drop every connection, as a restarted process would.
      const { closeDb } = await import("@/db/client");
      await closeDb();
    }
    await new Promise((r) => setTimeout(r, 1_600));

    // The new process resumes from the saved cursor: its first step reads the next page, not the first.
    const offsetOf = async () =>
      ((await getJob({ userId, id: job.id })).cursor as { conversations?: { offset: number } }).conversations?.offset ?? -1;
    const offsetBefore = await offsetOf();
    expect(offsetBefore).toBeGreaterThanOrEqual(500);
    const next = await claimJob();
    expect(next?.id).toBe(job.id);
    await stepJob(next!);
    expect(await offsetOf()).toBe(offsetBefore + 25);
    const resumed = await watch();
    expect(resumed.counts.conversationsRead - before.counts.conversationsRead).toBeGreaterThan(0);
    expect(resumed.counts.conversationsRead - before.counts.conversationsRead).toBeLessThanOrEqual(25);

    await deliver([listed[800]!, listed[950]!]);
    const done = toJobView(await runUntilSettled(job.id));
    await hub.stop();

    expect(done).toMatchObject({ state: "done", phase: "done", progress: 1, lastError: null });
    expect(progress.length).toBeGreaterThan(10);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(done.counts.conversationsRead).toBe(listed.length);
    // Created + already there (the webhooks) = all of them; nothing changed that a webhook had delivered.
    expect(done.counts.conversationsCreated).toBeGreaterThanOrEqual(listed.length - 9);
    expect(done.counts.conversationsCreated).toBeLessThanOrEqual(listed.length - 2);
    expect(done.counts.conversationsUpdated).toBe(0);
    expect(done.counts.factsRead).toBe(30 - Math.floor(30 / 7)); // the ones rejected in Omi are not listed

    const { rows } = await import("@/db/client");
    const memories = await rows<{ omi_id: string; n: number; owner: string | null }>(
      sql`select omi_id, count(*)::int as n, max(owner_user_id) as owner from memories where uid = ${UID} group by omi_id`,
    );
    expect(memories.length).toBe(listed.length);
    expect(memories.filter((m) => m.n !== 1)).toEqual([]);
    expect(new Set(memories.map((m) => m.omi_id))).toEqual(new Set(listed));
    // The import wrote the app-token rows the webhooks wrote: no owner.
    expect(memories.filter((m) => m.owner !== null)).toEqual([]);

    const [segments] = await rows<{ n: number }>(
      sql`select count(*)::int as n from memory_segments s join memories m on m.id = s.memory_id where m.uid = ${UID}`,
    );
    expect(segments!.n).toBe(listed.length * 6);

    // Every action item of an imported conversation knows Omi's id (read past Omi's 2,000-row cap).
    const omiItems = (await omi.actionItems(UID)).filter((i) => !i.locked && i.conversation_id && listed.includes(i.conversation_id));
    const [items] = await rows<{ total: number; tied: number }>(
      sql`select count(*)::int as total, count(a.omi_id)::int as tied from action_items a join memories m on m.id = a.memory_id where m.uid = ${UID}`,
    );
    expect(items).toEqual({ total: omiItems.length, tied: omiItems.length });
    const [distinct] = await rows<{ n: number }>(sql`select count(distinct omi_id)::int as n from action_items where omi_id is not null`);
    expect(distinct!.n).toBe(omiItems.length);

    // Nothing announced: no "new memory" notifications for imported history.
    const [notes] = await rows<{ n: number }>(sql`select count(*)::int as n from notifications`);
    expect(notes!.n).toBe(0);

    // Stayed inside our budget, and never past Omi's own limits (one 429: the forced one).
    const calls = await omi.calls(KEY);
    expect(calls.filter((c) => c.status === 429)).toHaveLength(1);
    expect(calls.length).toBeLessThan(80);

    // A re-scan finds nothing new: no writes, no revision bumps.
    const [revisionsBefore] = await rows<{ sum: number }>(sql`select sum(revisions)::int as sum from memories`);
    const again = await startImport({ userId, linkId });
    const second = toJobView(await runUntilSettled(again.id));
    expect(second.counts).toMatchObject({ conversationsRead: listed.length, conversationsCreated: 0, conversationsUpdated: 0 });
    const [revisionsAfter] = await rows<{ sum: number }>(sql`select sum(revisions)::int as sum from memories`);
    expect(revisionsAfter).toEqual(revisionsBefore);
  });
});

export type { Json };
