/**
 * A sync job's life beyond the happy path, against the fake Omi: cancelled (and a step
 * already under way cannot bring it back), paused by our own hourly budget, waiting
 * out Omi being away and carrying on, and stopped with words when the key is revoked.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { resetTables, useTestDb } from "../db";
import { accountWithLink, devFake } from "./helpers";

const fake = await vi.hoisted(async () => (await import("@/tests/omi-sync/fake-env")).fakeOmiWithEnv({ OMI_WEBHOOK_TOKEN: "" }));
const omi = devFake(fake);

useTestDb();
afterAll(() => fake.close());
beforeEach(async () => {
  await resetTables();
  await omi.reset();
});

const UID = "jobsUid0000000000000000000001";
const KEY = "omi_dev_jobs_test_key_00001";

async function importing(conversations = 60) {
  await omi.seed({ key: KEY, uid: UID, generate: { conversations, segments: 1 } });
  const { userId, linkId } = await accountWithLink(UID, fake);
  const { connectKey } = await import("@/lib/omi-sync/keys");
  await connectKey({ userId, linkId, key: KEY });
  const jobs = await import("@/lib/omi-sync/jobs");
  const runner = await import("@/lib/omi-sync/runner");
  const job = await jobs.startImport({ userId, linkId });
  const view = async () => jobs.toJobView(await jobs.getJob({ userId, id: job.id }));
  /** One step, as the browser's poll or the loop would run it. */
  const step = async () => {
    const claimed = await runner.claimJob({ jobId: job.id });
    if (claimed) await runner.stepJob(claimed);
    return view();
  };
  return { userId, linkId, job, view, step, jobs, runner };
}

describe("sync jobs", () => {
  it("cancel stops it for good, even with a step under way", async () => {
    const { userId, job, step, jobs, runner, view } = await importing();
    await step();
    await step();
    const claimed = await runner.claimJob({ jobId: job.id });
    expect(claimed).not.toBeNull();
    expect(await jobs.cancelJob({ userId, id: job.id })).toMatchObject({ state: "cancelled" });
    await runner.stepJob(claimed!); // the step that was running finishes after the cancel
    expect(await view()).toMatchObject({ state: "cancelled", active: false });
    expect(await runner.advanceDueJobs({ deadlineMs: 500 })).toBe(0);
  });

  it("pauses when our hourly budget for the key is spent, saying until when", async () => {
    const { step, view } = await importing();
    const { rows } = await import("@/db/client");
    const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
    await rows(sql`update omi_dev_keys set budget = ${JSON.stringify({ hour: hour.toISOString(), used: { conversations: 48 } })}::jsonb`);
    await step();
    expect(await view()).toMatchObject({
      state: "waiting",
      waitReason: "budget",
      nextAttemptAt: new Date(hour.getTime() + 3_600_000).toISOString(),
      lastError: expect.stringMatching(/Paused to stay well inside Omi's hourly limits/),
    });
    expect((await omi.calls(KEY)).filter((c) => c.path.startsWith("/v1/dev/user/conversations?"))).toHaveLength(0);
  });

  it("waits while Omi is away (503), then carries on", async () => {
    const { step, view } = await importing(30);
    await omi.unavailable(true);
    await step();
    const waiting = await view();
    expect(waiting).toMatchObject({
      state: "waiting",
      waitReason: "unavailable",
      lastError: expect.stringMatching(/not answering right now \(HTTP 503\)/),
    });
    await omi.unavailable(false);
    const { rows } = await import("@/db/client");
    await rows(sql`update omi_sync_jobs set next_attempt_at = now()`); // the backoff (15 s) has passed
    let current = waiting;
    for (let i = 0; i < 20 && current.active; i++) current = await step();
    expect(current).toMatchObject({ state: "done", counts: { conversationsRead: 30 } });
  });

  it("stops, in words, when the key is revoked in Omi; the key is marked and a new one is asked for", async () => {
    const { userId, step, view } = await importing();
    await step();
    await omi.revoke(KEY);
    await step();
    expect(await view()).toMatchObject({ state: "failed", active: false, lastError: expect.stringMatching(/does not accept this key/) });
    const { syncOverview } = await import("@/lib/omi-sync/keys");
    const [link] = (await syncOverview({ userId })).links;
    expect(link!.connection).toMatchObject({ status: "invalid", statusMessage: expect.stringMatching(/does not accept this key/) });
  });
});
