/**
 * Drives sync jobs one bounded step at a time, from three places:
 *  - the browser, while Settings shows an import (POST /api/v1/omi-sync/jobs/{id}/step):
 *    enough on Vercel, where no process outlives a request;
 *  - an in-process loop (startSyncLoop, from lib/scheduler.ts) on a long-running server;
 *  - the maintenance job (lib/maintenance.ts: hourly here, Vercel Cron there), which
 *    also queues each key's hourly reconcile.
 * A step is claimed with a lease (lease_token, lease_until): one runner per job at a
 * time, and a runner that died mid-step (restart, crash, timeout) is replaced once its
 * lease runs out. Saving checks the token, so a late runner cannot overwrite newer work,
 * and a cancelled job stays cancelled.
 */
import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { omiDevKeys, omiSyncActiveStates, omiSyncJobs, type OmiSyncJob } from "@/db/schema";
import type { SyncCounts } from "@/lib/api/schemas/omi-sync";
import { log } from "@/lib/log";
import { BudgetWait } from "./budget";
import { formatWait, OmiDevApiError } from "./client";
import { countsOf, dueCondition, finished, getJob, scheduleReconciles } from "./jobs";
import { keySecret, markKeyInvalid } from "./keys";
import { runStep, type StepResult } from "./steps";
import { describeDbError } from "@/db/errors";

export type RunOptions = { leaseMs?: number; now?: () => Date };
const defaultLeaseMs = 45_000;
/** After this many failed steps in a row (Omi away, storage failing) the job stops and says why. */
const maxFailures = 12;

/** Claims the next due job (or the given one, if due) for one step; null when none is free. */
export async function claimJob({
  jobId,
  userId,
  leaseMs = defaultLeaseMs,
}: { jobId?: string; userId?: string; leaseMs?: number } = {}): Promise<OmiSyncJob | null> {
  const token = crypto.randomUUID();
  const claimed = await rows<{ id: string }>(
    sql`update omi_sync_jobs set lease_token = ${token}, lease_until = now() + make_interval(secs => ${leaseMs / 1000}),
        state = 'running', updated_at = now()
      where id = (
        select id from omi_sync_jobs
        where ${dueCondition} ${jobId ? sql`and id = ${jobId}` : sql``} ${userId ? sql`and user_id = ${userId}` : sql``}
        order by next_attempt_at limit 1
        for update skip locked)
      returning id`,
  );
  if (!claimed[0]) return null;
  const [job] = await db.select().from(omiSyncJobs).where(eq(omiSyncJobs.id, claimed[0].id));
  return job ?? null;
}

const add = (a: SyncCounts, b: Partial<SyncCounts> = {}): SyncCounts =>
  Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v + (b[k as keyof SyncCounts] ?? 0)])) as SyncCounts;

/** Runs one step of a claimed job and saves the outcome. Never throws for Omi's or the step's failures. */
export async function stepJob(job: OmiSyncJob, { now: clock = () => new Date() }: RunOptions = {}): Promise<void> {
  const now = clock();
  const [key] = await db.select().from(omiDevKeys).where(eq(omiDevKeys.id, job.keyId));
  let update: Partial<OmiSyncJob>;
  if (!key) return;
  if (key.status !== "active") {
    update = finished("failed", now, key.statusMessage ?? "Omi no longer accepts this key");
  } else {
    try {
      const result: StepResult = await runStep({ job, key, secret: keySecret(key), now });
      const base = {
        phase: result.phase,
        cursor: result.cursor,
        counts: add(countsOf(job), result.counts),
        ...(result.totalConversations !== undefined ? { totalConversations: result.totalConversations } : {}),
        notes: result.notes?.length ? [...job.notes, ...result.notes] : job.notes,
        failures: 0,
        lastError: null,
      };
      if (result.phase === "done") {
        update = { ...base, ...finished("done", now) };
        await db
          .update(omiDevKeys)
          .set({ lastReconcileAt: now, nextReconcileAt: new Date(now.getTime() + 3_600_000) })
          .where(eq(omiDevKeys.id, key.id));
      } else {
        update = { ...base, state: "running", waitReason: null, nextAttemptAt: now, updatedAt: now };
      }
    } catch (err) {
      update = failureUpdate(job, err, now);
      if (err instanceof OmiDevApiError && err.kind === "unauthorized") await markKeyInvalid(key.id, err.message);
    }
  }
  await db
    .update(omiSyncJobs)
    .set({ ...update, leaseToken: null, leaseUntil: null })
    .where(
      and(
        eq(omiSyncJobs.id, job.id),
        eq(omiSyncJobs.leaseToken, job.leaseToken ?? ""),
        inArray(omiSyncJobs.state, [...omiSyncActiveStates]),
      ),
    );
}

function waiting(until: Date, reason: string, message: string, now: Date): Partial<OmiSyncJob> {
  return { state: "waiting", waitReason: reason, nextAttemptAt: until, lastError: message, updatedAt: now };
}

/** What a failed step does to the job: wait (Retry-After, budget, backoff) or stop with the reason in words. */
export function failureUpdate(job: OmiSyncJob, err: unknown, now: Date): Partial<OmiSyncJob> {
  if (err instanceof BudgetWait) {
    const wait = Math.max(1, Math.ceil((err.until.getTime() - now.getTime()) / 1000));
    const message =
      err.reason === "budget"
        ? `Paused to stay well inside Omi's hourly limits for this key; continuing in ${formatWait(wait)}.`
        : `Omi asked us to wait; continuing in ${formatWait(wait)}.`;
    return waiting(err.until, err.reason, message, now);
  }
  if (err instanceof OmiDevApiError) {
    if (err.kind === "rate_limited") {
      const wait = err.extra.retryAfterSeconds ?? 60;
      return waiting(new Date(now.getTime() + wait * 1000), "rate_limited", err.message, now);
    }
    if (err.kind === "unavailable" || err.kind === "network" || err.kind === "bad_response") {
      return retryLater(job, now, "unavailable", err.message);
    }
    // 401 (key revoked), 403 on conversations, 4xx: trying again cannot help.
    return { ...finished("failed", now, err.message), failures: job.failures + 1 };
  }
  // Drizzle's error text holds the whole query and its parameters: log the cause, capped.
  const cause = (err as { cause?: unknown }).cause;
  log.error("omi sync step failed", { jobId: job.id, phase: job.phase, err: String(cause ?? err).slice(0, 500) });
  return retryLater(job, now, "retry", "Storing what Omi sent failed on our side; trying again shortly.");
}

function retryLater(job: OmiSyncJob, now: Date, reason: string, message: string): Partial<OmiSyncJob> {
  const failures = job.failures + 1;
  if (failures >= maxFailures) return { ...finished("failed", now, `${message} Gave up after ${failures} tries in a row.`), failures };
  const delayMs = Math.min(15 * 60_000, 15_000 * 2 ** (failures - 1));
  return { ...waiting(new Date(now.getTime() + delayMs), reason, message, now), failures };
}

/** The browser's poll: one step of this account's job if its turn has come, then the job as it is. */
export async function advanceJob({ userId, jobId, ...options }: { userId: string; jobId: string } & RunOptions): Promise<OmiSyncJob> {
  const job = await getJob({ userId, id: jobId });
  const claimed = await claimJob({ jobId: job.id, userId, leaseMs: options.leaseMs });
  if (claimed) await stepJob(claimed, options);
  return getJob({ userId, id: jobId });
}

/** Steps due jobs until none is left or `deadlineMs` has passed. Returns the number of steps run. */
export async function advanceDueJobs({
  deadlineMs,
  userId,
  ...options
}: { deadlineMs: number; userId?: string } & RunOptions): Promise<number> {
  const end = Date.now() + deadlineMs;
  let steps = 0;
  while (Date.now() < end) {
    const job = await claimJob({ userId, leaseMs: options.leaseMs });
    if (!job) break;
    await stepJob(job, options);
    steps++;
  }
  return steps;
}

/** Maintenance (hourly in process, Vercel Cron): queue due reconciles and make progress for a while. */
export async function omiSyncMaintenance({ deadlineMs }: { deadlineMs: number }): Promise<{ reconcilesQueued: number; syncSteps: number }> {
  const reconcilesQueued = await scheduleReconciles();
  const syncSteps = deadlineMs > 0 ? await advanceDueJobs({ deadlineMs }) : 0;
  return { reconcilesQueued, syncSteps };
}

// ─── The in-process loop ─────────────────────────────────────────────────────

let loop: NodeJS.Timeout | undefined;
let busy = false;

/** Every few seconds: step whatever is due (a cheap indexed query when nothing is). */
export function startSyncLoop(intervalMs = 2_000): void {
  if (loop) return;
  loop = setInterval(() => {
    if (busy) return;
    busy = true;
    advanceDueJobs({ deadlineMs: 20_000 })
      .catch((err: unknown) => log.warn("omi sync loop failed", { err: describeDbError(err) }))
      .finally(() => {
        busy = false;
      });
  }, intervalMs);
  loop.unref();
}

export function stopSyncLoop(): void {
  if (loop) clearInterval(loop);
  loop = undefined;
}
