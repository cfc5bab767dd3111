/**
 * The one place the webhook path meets the rules engine: lib/webhooks/events.ts wraps
 * the memory, realtime and day-summary ingest functions with `withNotificationRules`.
 * It runs inside the same ingest transaction, after the ingest stored its rows, and
 * reads back what changed (the realtime ingest numbers every change with consecutive
 * sequence numbers, so this delivery's segments are the stream's last `added + grown`).
 */
import { and, eq, gt, sql } from "drizzle-orm";
import { liveStreams, transcriptSegments } from "@/db/schema";
import type { IngestContext, IngestResult } from "@/lib/ingest/types";
import { log } from "@/lib/log";
import { onDaySummaryStored, onMemoryStored, onRealtimeSegments, ruleDeadline } from "./engine";

type Ingest<P> = (ctx: IngestContext, payload: P) => Promise<IngestResult>;
export type RuleEvent = "memory" | "realtime" | "day-summary";

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);

/**
 * Runs the rules in a savepoint: a rule that fails (a bug, a bad stored rule) is logged
 * and rolled back alone, and never costs the delivery its data.
 */
export async function judgeRules(event: RuleEvent, ctx: IngestContext, result: IngestResult): Promise<IngestResult> {
  try {
    return await ctx.tx.transaction((tx) => judgeRulesIn(event, { ...ctx, tx }, result));
  } catch (err) {
    log.error("notification rules failed; the delivery is stored without them", { event, uid: ctx.uid, err });
    return result;
  }
}

async function judgeRulesIn(event: RuleEvent, ctx: IngestContext, result: IngestResult): Promise<IngestResult> {
  const stored = result.stored ?? {};
  // One time budget for all of this delivery's rules, started before the first read.
  const deadline = ruleDeadline();
  if (event === "memory" && typeof stored.memoryId === "string") {
    await onMemoryStored({ tx: ctx.tx, memoryId: stored.memoryId, receivedAt: ctx.receivedAt, deadline });
  } else if (event === "day-summary" && typeof stored.daySummaryId === "string") {
    await onDaySummaryStored({ tx: ctx.tx, daySummaryId: stored.daySummaryId, receivedAt: ctx.receivedAt, deadline });
  } else if (event === "realtime") {
    const changes = num(stored.added) + num(stored.grown);
    const seq = num(stored.seq);
    if (!changes || !seq) return result;
    const segments = await ctx.tx
      .select({ segmentKey: transcriptSegments.segmentId, text: transcriptSegments.text })
      .from(transcriptSegments)
      .innerJoin(liveStreams, eq(liveStreams.id, transcriptSegments.streamId))
      .where(
        and(
          eq(liveStreams.uid, ctx.uid),
          sql`${liveStreams.ownerUserId} is not distinct from ${ctx.ownerUserId}`,
          gt(transcriptSegments.seq, seq - changes),
        ),
      )
      .orderBy(transcriptSegments.seq);
    const { reply } = await onRealtimeSegments({ tx: ctx.tx, uid: ctx.uid, ownerUserId: ctx.ownerUserId, segments, receivedAt: ctx.receivedAt, deadline });
    if (reply) return { ...result, reply: { ...result.reply, ...reply } };
  }
  return result;
}

/** Wraps an event's ingest so the account's notification rules judge what it stored. */
export function withNotificationRules<P>(event: RuleEvent, ingest: Ingest<P>): Ingest<P> {
  return async (ctx, payload) => judgeRules(event, ctx, await ingest(ctx, payload));
}
