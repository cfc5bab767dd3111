/**
 * Delivery through Omi's notification API, with every attempt logged on the row.
 *
 * Target: a row of an account goes out only while the account may notify its uid
 * (./targets.ts); checked at the claim, the last moment before Omi is called, so a row
 * queued before an unlink (or by any path that forgot to check) is failed, never sent.
 *
 * Claiming: a row is sent only by the process that claimed it: in one transaction,
 * under the uid's advisory lock, the limits are checked and `claimed_at` is set with a
 * conditional update (status queued/held, not claimed, due). A second claimer finds
 * nothing to update, so nothing is ever sent twice. A claim left behind by a process that
 * died mid-call is never retried (the send may have happened): it is failed, in words.
 *
 * Outcomes (lib/omi/api-client.ts gives the kind):
 *   200            → sent (and when X-RateLimit-Remaining is 0, the uid is held until the reset)
 *   401/403/404/422, not configured → failed for good, explained in words
 *   429            → held until Retry-After (or X-RateLimit-Reset), then tried again
 *   5xx, timeout, network → retried after 1 s, 4 s, 10 s: at most 3 retries, then failed
 */
import "server-only";
import { and, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { notifications, type Notification } from "@/db/schema";
import { log } from "@/lib/log";
import { sendNotification, type OmiSendResult } from "@/lib/omi/api-client";
import { env } from "@/lib/env";
import { runAfterResponse, runLater } from "./background";
import { checkLimits, lockUid } from "./limits";
import { mayNotify } from "./targets";

export const retryDelaysMs = [1_000, 4_000, 10_000] as const;
export const maxRetries = retryDelaysMs.length;
/** A claim older than this belongs to a process that stopped mid-call. */
const staleClaimMs = 5 * 60_000;
/** Held rows due within this are retried by a timer in this process; later ones by the hourly pass. */
const timerHorizonMs = 15 * 60_000;

export type DeliverOptions = {
  retryDelaysMs?: readonly number[];
  now?: () => Date;
  /** Per-call timeout for Omi (the send endpoint's inline first attempt uses a short one). */
  timeoutMs?: number;
  /** Wait for retries after the response instead of in this call (the send endpoint). */
  retryInBackground?: boolean;
};

type Claim =
  { kind: "claimed"; row: Notification } | { kind: "held"; row: Notification } | { kind: "refused"; row: Notification } | { kind: "none" };

const notYoursReason = "This account has no verified link to this Omi user (any more), so nothing was sent";

/** Checks the limits and claims the row for sending, or holds it with the reason. */
export async function claimForSending(id: string, now = new Date()): Promise<Claim> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(notifications).where(eq(notifications.id, id));
    if (!row) return { kind: "none" };
    await lockUid(tx, row.uid);
    const due = and(
      eq(notifications.id, id),
      isNull(notifications.claimedAt),
      or(
        and(eq(notifications.status, "queued"), or(isNull(notifications.nextAttemptAt), lte(notifications.nextAttemptAt, now))),
        // A held row without a time (the same text again, a prompt) is final.
        and(eq(notifications.status, "held"), lte(notifications.nextAttemptAt, now)),
      ),
    );
    if (row.userId && !(await mayNotify({ on: tx, userId: row.userId, uid: row.uid }))) {
      const [refused] = await tx
        .update(notifications)
        .set({ status: "failed", reason: notYoursReason, nextAttemptAt: null })
        .where(due)
        .returning();
      return refused ? { kind: "refused", row: refused } : { kind: "none" };
    }
    const verdict = await checkLimits({ tx, uid: row.uid, userId: row.userId, message: row.message, now, excludeId: id });
    if (!verdict.ok) {
      const [held] = await tx
        .update(notifications)
        .set({ status: "held", reason: verdict.reason, nextAttemptAt: verdict.until })
        .where(due)
        .returning();
      return held ? { kind: "held", row: held } : { kind: "none" };
    }
    const [claimed] = await tx
      .update(notifications)
      .set({ status: "queued", claimedAt: now, attempts: sql`${notifications.attempts} + 1`, reason: null })
      .where(due)
      .returning();
    return claimed ? { kind: "claimed", row: claimed } : { kind: "none" };
  });
}

type Outcome = Partial<typeof notifications.$inferInsert> & { retryInMs?: number };

function outcomeOf(result: OmiSendResult, attempts: number, delays: readonly number[], now: Date): Outcome {
  if (result.ok) {
    const spent = result.rateLimit && result.rateLimit.remaining <= 0;
    return {
      status: "sent",
      sentAt: now,
      reason: null,
      nextAttemptAt: null,
      omiStatus: result.status,
      omiResponse: `OK${result.rateLimit ? ` (${result.rateLimit.remaining} of ${result.rateLimit.limit} left this hour)` : ""}`,
      rateLimitedUntil: spent ? new Date(now.getTime() + result.rateLimit!.resetSeconds * 1000) : null,
    };
  }
  const answer = { omiStatus: result.status, omiResponse: result.detail ?? result.explanation };
  switch (result.kind) {
    case "rate_limited": {
      const seconds = result.retryAfterSeconds ?? result.rateLimit?.resetSeconds ?? 3600;
      const until = new Date(now.getTime() + seconds * 1000);
      return {
        ...answer,
        status: "held",
        reason: `Omi: ${result.explanation}; trying again after ${seconds} s`,
        nextAttemptAt: until,
        rateLimitedUntil: until,
      };
    }
    case "server":
    case "timeout":
    case "network": {
      const retriesDone = attempts - 1;
      if (retriesDone >= delays.length) {
        return {
          ...answer,
          status: "failed",
          reason: `Omi kept failing (${result.explanation}); gave up after ${attempts} attempts`,
          nextAttemptAt: null,
        };
      }
      const wait = result.retryAfterSeconds ? Math.max(delays[retriesDone]!, result.retryAfterSeconds * 1000) : delays[retriesDone]!;
      return {
        ...answer,
        status: "queued",
        reason: `${result.explanation}; retry ${retriesDone + 1} of ${delays.length} soon`,
        nextAttemptAt: new Date(now.getTime() + wait),
        retryInMs: wait,
      };
    }
    default:
      // unauthorized, forbidden, not_found, validation, not_configured: trying again cannot help.
      return { ...answer, status: "failed", reason: capitalise(result.explanation), nextAttemptAt: null };
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Sends one notification if it is due and allowed, retrying 5xx/timeouts in this call
 * (so run it off the request path). Returns the row as it ends up.
 */
export async function deliverNotification(id: string, options: DeliverOptions = {}): Promise<Notification | null> {
  const delays = options.retryDelaysMs ?? retryDelaysMs;
  const clock = options.now ?? (() => new Date());
  for (;;) {
    const claim = await claimForSending(id, clock());
    if (claim.kind === "none") return (await db.select().from(notifications).where(eq(notifications.id, id)))[0] ?? null;
    if (claim.kind === "refused") return claim.row;
    if (claim.kind === "held") {
      scheduleIfSoon(claim.row);
      return claim.row;
    }
    const row = claim.row;
    const result = await sendNotification(
      { uid: row.uid, message: row.message },
      { baseUrl: env.OMI_API_URL, appId: env.OMI_APP_ID, appSecret: env.OMI_APP_SECRET, timeoutMs: options.timeoutMs },
    );
    const { retryInMs, ...outcome } = outcomeOf(result, row.attempts, delays, clock());
    const [updated] = await db
      .update(notifications)
      .set({ ...outcome, claimedAt: null })
      .where(and(eq(notifications.id, id), eq(notifications.claimedAt, row.claimedAt!)))
      .returning();
    log.info("notification attempt", { id, uid: row.uid, attempt: row.attempts, status: updated?.status, omiStatus: result.status });
    if (!updated) return null;
    if (updated.status === "held") scheduleIfSoon(updated);
    if (retryInMs === undefined) return updated;
    if (options.retryInBackground) {
      const { retryInBackground: _inline, timeoutMs: _timeout, ...rest } = options;
      runAfterResponse(async () => {
        await sleep(retryInMs);
        await deliverNotification(id, rest);
      });
      return updated;
    }
    await sleep(retryInMs);
  }
}

function scheduleIfSoon(row: Notification): void {
  if (!row.nextAttemptAt) return;
  const ms = row.nextAttemptAt.getTime() - Date.now();
  if (ms <= timerHorizonMs) runLater(Math.max(ms, 0) + 50, () => deliverNotification(row.id));
}

/**
 * Sends what is due: queued rows, held rows whose time has come, and (first) fails
 * claims abandoned mid-call. Called after every trigger for that uid, and hourly.
 */
export async function processDue({ uid, limit = 50, ...options }: { uid?: string; limit?: number } & DeliverOptions = {}): Promise<number> {
  const now = (options.now ?? (() => new Date()))();
  await db
    .update(notifications)
    .set({
      status: "failed",
      claimedAt: null,
      reason: "The app stopped while this was being sent; not tried again, so it can never arrive twice",
    })
    .where(and(eq(notifications.status, "queued"), lt(notifications.claimedAt, new Date(now.getTime() - staleClaimMs))));
  const due = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(
        uid ? eq(notifications.uid, uid) : undefined,
        eq(notifications.channel, "api"),
        inArray(notifications.status, ["queued", "held"]),
        isNull(notifications.claimedAt),
        or(
          and(eq(notifications.status, "queued"), or(isNull(notifications.nextAttemptAt), lte(notifications.nextAttemptAt, now))),
          and(eq(notifications.status, "held"), lte(notifications.nextAttemptAt, now)),
        ),
      ),
    )
    .orderBy(notifications.createdAt)
    .limit(limit);
  for (const { id } of due) await deliverNotification(id, options);
  return due.length;
}
