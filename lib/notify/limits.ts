/**
 * What may go out now, per Omi user (uid). The numbers come from
 * docs/OMI.md §2 and §6 and are not configurable on purpose: Omi enforces them.
 *
 * - §2: proactive notifications, 1 per 30 s per app per user.
 * - §6: the notification API allows "10" per user per UTC clock hour, but only 9 succeed.
 * - Ours: the same text to the same uid not twice within 10 minutes (a loop or a re-sent
 *   trigger must not buzz someone's phone twice).
 * - Per-account quiet hours in the account's time zone.
 * - Omi's own word wins: after a 429, or a 200 whose X-RateLimit-Remaining is 0, the uid
 *   is held until Omi's Retry-After / X-RateLimit-Reset (notifications.rate_limited_until).
 *
 * Counting covers what went out (sent, any channel) and what is being sent right now
 * (claimed), under a per-uid advisory lock (lockUid) so two processes cannot both
 * decide "the 30 s are over".
 */
import "server-only";
import { and, eq, gt, isNotNull, or, sql } from "drizzle-orm";
import { rows, type DbOrTx } from "@/db/client";
import { notifications, users } from "@/db/schema";
import { quietUntil } from "./quiet-hours";

export const limits = {
  minIntervalSeconds: 30,
  perUtcHour: 9,
  sameTextMinutes: 10,
} as const;

export type LimitVerdict =
  | { ok: true }
  | {
      ok: false;
      reason: string;
      /** When it may go; null when it never should (the same text again). */
      until: Date | null;
    };

/** Serialises every "check limits, then claim" for one uid until the transaction ends. */
export async function lockUid(tx: DbOrTx, uid: string): Promise<void> {
  await rows(sql`select pg_advisory_xact_lock(hashtext(${"notify:" + uid}))`, tx);
}

const formatClock = (d: Date) => d.toISOString().slice(11, 16) + " UTC";

export async function checkLimits({
  tx,
  uid,
  userId,
  message,
  now = new Date(),
  excludeId,
}: {
  tx: DbOrTx;
  uid: string;
  /** The account whose quiet hours apply (null for server-to-server sends). */
  userId: string | null;
  message: string;
  now?: Date;
  excludeId?: string;
}): Promise<LimitVerdict> {
  if (userId) {
    const [user] = await tx
      .select({ start: users.quietHoursStart, end: users.quietHoursEnd, timeZone: users.timeZone })
      .from(users)
      .where(eq(users.id, userId));
    const until = user ? quietUntil(user, now) : null;
    if (until) return { ok: false, reason: `Quiet hours (${user!.start}–${user!.end}, ${user!.timeZone})`, until };
  }

  const [blocked] = await tx
    .select({ until: sql<Date>`max(${notifications.rateLimitedUntil})`.mapWith(notifications.rateLimitedUntil) })
    .from(notifications)
    .where(and(eq(notifications.uid, uid), gt(notifications.rateLimitedUntil, now)));
  if (blocked?.until) {
    return {
      ok: false,
      reason: `Omi said this person's hourly limit is used up, until ${formatClock(blocked.until)}`,
      until: blocked.until,
    };
  }

  // What went out, or is going out right now, with the time it did.
  const outAt = sql<Date>`coalesce(${notifications.sentAt}, ${notifications.claimedAt})`;
  const out = and(
    eq(notifications.uid, uid),
    or(eq(notifications.status, "sent"), and(eq(notifications.status, "queued"), isNotNull(notifications.claimedAt))),
    excludeId ? sql`${notifications.id} <> ${excludeId}` : undefined,
  );
  const hourStart = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const since = new Date(Math.min(hourStart.getTime(), now.getTime() - limits.sameTextMinutes * 60_000));
  const recent = await tx
    .select({ at: outAt.mapWith(notifications.sentAt), message: notifications.message })
    .from(notifications)
    .where(and(out, sql`${outAt} >= ${since.toISOString()}::timestamptz`));

  const sameText = recent.filter((r) => r.message === message && r.at.getTime() > now.getTime() - limits.sameTextMinutes * 60_000);
  if (sameText.length) {
    return {
      ok: false,
      reason: `The same text went to this person less than ${limits.sameTextMinutes} minutes ago; not sent again`,
      until: null,
    };
  }
  const thisHour = recent.filter((r) => r.at >= hourStart).length;
  if (thisHour >= limits.perUtcHour) {
    const next = new Date(hourStart.getTime() + 3_600_000);
    return {
      ok: false,
      reason: `${limits.perUtcHour} notifications this UTC hour already (Omi's limit); held until ${formatClock(next)}`,
      until: next,
    };
  }
  const last = recent.reduce<Date | null>((latest, r) => (!latest || r.at > latest ? r.at : latest), null);
  if (last && now.getTime() - last.getTime() < limits.minIntervalSeconds * 1000) {
    const until = new Date(last.getTime() + limits.minIntervalSeconds * 1000);
    return { ok: false, reason: `One notification per ${limits.minIntervalSeconds} s per person (Omi's limit)`, until };
  }
  return { ok: true };
}
