/**
 * The one place the webhook path meets the rules engine. A delivery's data is stored
 * and committed first (one statement, lib/webhooks/process.ts); only then, and only
 * when the statement said some account that may be notified has enabled rules, are
 * the rules judged here, in a transaction of their own. So a rule can never cost a
 * delivery its data or hold its transaction open, and its failure is logged and
 * skipped: the delivery stays stored and answered 200.
 *
 * Realtime rules may answer in the webhook's reply, so they are judged before the
 * answer; each (rule, subject) firing is claimed in rule_firings, so a re-delivered or
 * re-sent segment never fires twice, even from concurrent deliveries.
 */
import "server-only";
import { db } from "@/db/client";
import type { IngestContext, IngestResult } from "@/lib/ingest/types";
import { log } from "@/lib/log";
import { onDaySummaryStored, onMemoryStored, onRealtimeSegments, ruleDeadline, type RealtimeReply } from "./engine";

export type RuleEvent = "memory" | "realtime" | "day-summary" | "audio" | "button";

/** Judges the rules for what a committed delivery stored; returns the realtime reply, if any. */
export async function judgeRulesAfterCommit(
  event: RuleEvent,
  ctx: IngestContext,
  result: IngestResult,
): Promise<RealtimeReply | Record<string, never>> {
  const stored = result.stored ?? {};
  // One time budget for all of this delivery's rules, started before the first read.
  const deadline = ruleDeadline();
  try {
    return await db.transaction(async (tx) => {
      if (event === "memory" && typeof stored.memoryId === "string") {
        await onMemoryStored({ tx, memoryId: stored.memoryId, receivedAt: ctx.receivedAt, deadline });
      } else if (event === "day-summary" && typeof stored.daySummaryId === "string") {
        await onDaySummaryStored({ tx, daySummaryId: stored.daySummaryId, receivedAt: ctx.receivedAt, deadline });
      } else if (event === "realtime" && result.changed?.length) {
        const { reply } = await onRealtimeSegments({
          tx,
          uid: ctx.uid,
          ownerUserId: ctx.ownerUserId,
          segments: result.changed,
          receivedAt: ctx.receivedAt,
          deadline,
        });
        if (reply) return reply;
      }
      return {};
    });
  } catch (err) {
    log.error("notification rules failed; the delivery is stored without them", { event, uid: ctx.uid, err: String(err).split("\n")[0] });
    return {};
  }
}
