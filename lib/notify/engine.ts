/**
 * The rules engine: the ingest paths call these hooks INSIDE their transaction, after
 * storing. Each (rule, subject) pair is recorded in rule_firings in that same
 * transaction, so a re-delivered or re-sent-longer segment, memory or summary never
 * fires twice, even from concurrent deliveries (the primary key makes the second wait,
 * then do nothing). Sending through Omi's API happens after the response (after commit).
 *
 *   onRealtimeSegments → maybe a realtime reply: { message } or { notification: { prompt, params } }
 *   onMemoryStored, onDaySummaryStored → queued notifications sent through the API
 *
 * Live rules answer through the realtime reply when they can (rule.via "reply", the
 * reply slot of this delivery still free, the limits allow it now), otherwise through
 * the API. Rules whose prompt Omi writes can only go in a reply.
 *
 * Which rules judge a delivery: those of accounts that see its data AND may notify its
 * uid (./targets.ts). A personal-token delivery for a uid its account does not own fires
 * nothing, so nobody can make text reach another person's phone or spend their limits.
 *
 * Bounds: each hook gets a `deadline` (ruleDeadline(): ruleBudgetMs from now). Rules
 * still unjudged when it passes are skipped, and logged once per delivery. Patterns read
 * at most patternLimits.textPerSegment of a segment and textPerDelivery in all.
 */
import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  actionItems,
  daySummaries,
  liveSessions,
  memories,
  notifications,
  ruleFirings,
  transcriptSegments,
  type NotificationRule,
} from "@/db/schema";
import { maxMessageLength } from "@/lib/api/schemas/notifications";
import { log } from "@/lib/log";
import { runAfterResponse } from "./background";
import { checkLimits, lockUid } from "./limits";
import { matchKeyword, matchPattern, patternLimits, toneOf } from "./match";
import { promptParams, renderTemplate, resolveScopeData, type ScopeSources } from "./scopes";
import { processDue } from "./sender";
import { isLiveTrigger, triggerSchema, type LiveTrigger, type Trigger } from "./trigger-schema";
import { getProfileName, rulesForData } from "./queries";

export type LiveSegment = { segmentKey: string; text: string };
export type RealtimeReply = { message: string } | { notification: { prompt: string; params: string[] } };

type DataRef = { tx: Tx; uid: string; ownerUserId: string | null };

/** Time one delivery may spend judging rules, all together (ms). */
export const ruleBudgetMs = 500;

/** The deadline to pass to the hooks below, for a delivery judged from now. */
export function ruleDeadline(now = Date.now()): number {
  return now + ruleBudgetMs;
}

const outOfTime = (deadline: number) => Date.now() > deadline;

function logSkipped(event: string, uid: string, skipped: NotificationRule[]): void {
  if (!skipped.length) return;
  log.warn("notification rules skipped: the delivery's rule time ran out", {
    event,
    uid,
    budgetMs: ruleBudgetMs,
    skipped: skipped.length,
    ruleIds: skipped.slice(0, 10).map((r) => r.id),
  });
}

/** The rule's trigger, or null when the stored one no longer parses (such a rule is skipped, not fatal). */
function triggerOf(rule: NotificationRule): Trigger | null {
  const parsed = triggerSchema.safeParse(rule.trigger);
  return parsed.success ? parsed.data : null;
}

/** Records that `rule` fired for `subject`; false when it already had (here or concurrently). */
async function claimFiring(tx: Tx, ruleId: string, subject: string, at: Date): Promise<boolean> {
  const inserted = await tx.insert(ruleFirings).values({ ruleId, subjectKey: subject, firedAt: at }).onConflictDoNothing().returning();
  return inserted.length > 0;
}

/** True while the rule's last notification to this uid is younger than its cooldown. */
async function inCooldown(tx: Tx, rule: NotificationRule, uid: string, minutes: number, now: Date): Promise<boolean> {
  if (minutes <= 0) return false;
  const [last] = await tx
    .select({ at: notifications.createdAt })
    .from(notifications)
    .where(and(eq(notifications.ruleId, rule.id), eq(notifications.uid, uid)))
    .orderBy(desc(notifications.createdAt))
    .limit(1);
  return Boolean(last && now.getTime() - last.at.getTime() < minutes * 60_000);
}

async function profileOf(tx: Tx, userId: string): Promise<ScopeSources["profile"]> {
  return { name: await getProfileName({ on: tx, userId }) };
}

async function render(tx: Tx, rule: NotificationRule, sources: ScopeSources): Promise<string> {
  const withProfile = rule.scopes.includes("profile") ? { ...sources, profile: await profileOf(tx, rule.userId) } : sources;
  const text = renderTemplate(rule.template ?? "", resolveScopeData(rule.scopes, withProfile));
  return (text || rule.name).slice(0, maxMessageLength);
}

async function queueApi(
  tx: Tx,
  rule: NotificationRule,
  uid: string,
  type: "transcript" | "memory" | "day_summary",
  message: string,
  now: Date,
) {
  await tx
    .insert(notifications)
    .values({ userId: rule.userId, uid, type, message, ruleId: rule.id, channel: "api", status: "queued", createdAt: now });
}

// ─── Live transcript ─────────────────────────────────────────────────────────

type LiveFire = { rule: NotificationRule; trigger: LiveTrigger; sources: ScopeSources };

async function latestSession({ tx, uid, ownerUserId }: DataRef) {
  const [session] = await tx
    .select()
    .from(liveSessions)
    .where(and(eq(liveSessions.uid, uid), sql`${liveSessions.ownerUserId} is not distinct from ${ownerUserId}`))
    .orderBy(desc(liveSessions.lastSegmentAt))
    .limit(1);
  return session ?? null;
}

/** "out_of_time": the deadline passed before the rule was fully judged. */
async function judgeLiveRule(
  ref: DataRef,
  rule: NotificationRule,
  trigger: LiveTrigger,
  segments: LiveSegment[],
  now: Date,
  deadline: number,
): Promise<LiveFire | null | "out_of_time"> {
  const { tx, uid } = ref;
  switch (trigger.kind) {
    case "keyword":
    case "regex": {
      if (await inCooldown(tx, rule, uid, trigger.cooldownMinutes, now)) return null;
      let textLeft: number = patternLimits.textPerDelivery;
      for (const segment of segments) {
        if (textLeft <= 0) return null;
        if (outOfTime(deadline)) return "out_of_time";
        const text = segment.text.slice(0, Math.min(patternLimits.textPerSegment, textLeft));
        textLeft -= text.length;
        const found = trigger.kind === "keyword" ? matchKeyword(trigger.keywords, text) : matchPattern(trigger.pattern, text);
        // A segment fires at most once, however often Omi re-sends it longer.
        if (found !== null && (await claimFiring(tx, rule.id, `segment:${uid}:${segment.segmentKey}`, now))) {
          return { rule, trigger, sources: { transcript: { text: segment.text, keyword: found } } };
        }
      }
      return null;
    }
    case "long_session": {
      const session = await latestSession(ref);
      if (!session) return null;
      const minutes = (session.lastSegmentAt.getTime() - session.startedAt.getTime()) / 60_000;
      if (minutes < trigger.minutes) return null;
      // Once per live session.
      if (!(await claimFiring(tx, rule.id, `session:${session.id}`, now))) return null;
      const text = segments.map((s) => s.text).join(" ");
      return { rule, trigger, sources: { transcript: { text, minutes } } };
    }
    case "tone": {
      const session = await latestSession(ref);
      if (!session || (await inCooldown(tx, rule, uid, trigger.cooldownMinutes, now))) return null;
      const recent = await tx
        .select({ text: transcriptSegments.text, key: transcriptSegments.segmentId })
        .from(transcriptSegments)
        .where(eq(transcriptSegments.sessionId, session.id))
        .orderBy(desc(transcriptSegments.seq))
        .limit(trigger.window);
      if (recent.length < Math.min(trigger.window, 2)) return null;
      const text = recent
        .reverse()
        .map((r) => r.text)
        .join(" ");
      const tone = toneOf(text);
      if (tone >= trigger.threshold) return null;
      if (!(await claimFiring(tx, rule.id, `tone:${session.id}:${recent[recent.length - 1]!.key}`, now))) return null;
      return { rule, trigger, sources: { transcript: { text, tone } } };
    }
  }
}

/**
 * Judges the live rules that see this data against the segments this delivery added or
 * grew. Returns what the realtime webhook should answer (at most one message or prompt).
 */
export async function onRealtimeSegments({
  tx,
  uid,
  ownerUserId,
  segments,
  receivedAt,
  deadline = ruleDeadline(),
}: DataRef & { segments: LiveSegment[]; receivedAt: Date; deadline?: number }): Promise<{ reply?: RealtimeReply }> {
  if (!segments.length) return {};
  const rules = (await rulesForData({ on: tx, uid, ownerUserId })).flatMap((rule) => {
    const trigger = triggerOf(rule);
    return trigger && isLiveTrigger(trigger) ? [{ rule, trigger }] : [];
  });
  if (!rules.length) return {};
  await lockUid(tx, uid);
  const now = receivedAt;
  let reply: RealtimeReply | undefined;
  let queued = false;

  for (const [i, { rule, trigger }] of rules.entries()) {
    const fire = outOfTime(deadline)
      ? "out_of_time"
      : await judgeLiveRule({ tx, uid, ownerUserId }, rule, trigger, segments, now, deadline);
    if (fire === "out_of_time") {
      logSkipped(
        "realtime",
        uid,
        rules.slice(i).map((r) => r.rule),
      );
      break;
    }
    if (!fire) continue;

    if (rule.mode === "omi_prompt" && rule.prompt) {
      const notification = { prompt: rule.prompt, params: promptParams(rule.prompt, rule.scopes) };
      const logText = `Omi writes this one from the rule's prompt: ${rule.prompt}`.slice(0, maxMessageLength);
      const verdict = reply
        ? { ok: false as const, reason: "Another rule already answered this delivery", until: null }
        : await checkLimits({ tx, uid, userId: rule.userId, message: logText, now });
      if (verdict.ok) reply = { notification };
      await tx.insert(notifications).values({
        userId: rule.userId,
        uid,
        type: "transcript",
        message: logText,
        ruleId: rule.id,
        channel: "realtime_reply",
        ...(verdict.ok
          ? {
              status: "sent" as const,
              sentAt: now,
              attempts: 1,
              omiResponse: "Returned in the realtime webhook's reply (Omi does not confirm it)",
            }
          : { status: "held" as const, reason: `${verdict.reason}; a prompt can only go in a realtime reply, so it was dropped` }),
        createdAt: now,
      });
      continue;
    }

    const message = await render(tx, rule, fire.sources);
    // Omi pushes a reply message only when it is longer than 5 characters (§2).
    if (fire.trigger.via === "reply" && !reply && message.length > 5) {
      const verdict = await checkLimits({ tx, uid, userId: rule.userId, message, now });
      if (verdict.ok) {
        reply = { message };
        await tx.insert(notifications).values({
          userId: rule.userId,
          uid,
          type: "transcript",
          message,
          ruleId: rule.id,
          channel: "realtime_reply",
          status: "sent",
          sentAt: now,
          attempts: 1,
          omiResponse: "Returned in the realtime webhook's reply (Omi does not confirm it)",
          createdAt: now,
        });
        continue;
      }
    }
    // Otherwise through the API, after commit (held there if the limits say so).
    await queueApi(tx, rule, uid, "transcript", message, now);
    queued = true;
  }
  if (queued) runAfterResponse(() => processDue({ uid }));
  return reply ? { reply } : {};
}

// ─── Memories and day summaries ──────────────────────────────────────────────

/** Judges memory rules for a memory just stored (inside the ingest transaction). */
export async function onMemoryStored({
  tx,
  memoryId,
  receivedAt = new Date(),
  deadline = ruleDeadline(),
}: {
  tx: Tx;
  memoryId: string;
  receivedAt?: Date;
  deadline?: number;
}): Promise<void> {
  const [memory] = await tx.select().from(memories).where(eq(memories.id, memoryId));
  if (!memory || memory.discarded) return;
  const rules = (await rulesForData({ on: tx, uid: memory.uid, ownerUserId: memory.ownerUserId })).flatMap((rule) => {
    const trigger = triggerOf(rule);
    return trigger?.kind === "memory" ? [{ rule, trigger }] : [];
  });
  if (!rules.length) return;
  const items = await tx
    .select({ description: actionItems.description })
    .from(actionItems)
    .where(and(eq(actionItems.memoryId, memoryId), eq(actionItems.present, true)))
    .orderBy(actionItems.idx);
  let queued = false;
  for (const [i, { rule, trigger }] of rules.entries()) {
    if (outOfTime(deadline)) {
      logSkipped(
        "memory",
        memory.uid,
        rules.slice(i).map((r) => r.rule),
      );
      break;
    }
    const categories = trigger.categories.map((c) => c.toLowerCase());
    if (categories.length && !categories.includes(memory.category.toLowerCase())) continue;
    if (trigger.requireActionItems && items.length === 0) continue;
    // Once per memory, however often Omi re-sends it.
    if (!(await claimFiring(tx, rule.id, `memory:${memory.id}`, receivedAt))) continue;
    const message = await render(tx, rule, {
      memory: {
        title: memory.title,
        overview: memory.overview,
        category: memory.category,
        emoji: memory.emoji,
        actionItems: items.map((i) => i.description),
      },
    });
    await queueApi(tx, rule, memory.uid, "memory", message, receivedAt);
    queued = true;
  }
  if (queued) runAfterResponse(() => processDue({ uid: memory.uid }));
}

/** Judges day-summary rules for a summary just stored (inside the ingest transaction). */
export async function onDaySummaryStored({
  tx,
  daySummaryId,
  receivedAt = new Date(),
  deadline = ruleDeadline(),
}: {
  tx: Tx;
  daySummaryId: string;
  receivedAt?: Date;
  deadline?: number;
}): Promise<void> {
  const [summary] = await tx.select().from(daySummaries).where(eq(daySummaries.id, daySummaryId));
  if (!summary) return;
  const rules = (await rulesForData({ on: tx, uid: summary.uid, ownerUserId: summary.ownerUserId })).filter(
    (r) => triggerOf(r)?.kind === "day_summary",
  );
  let queued = false;
  for (const [i, rule] of rules.entries()) {
    if (outOfTime(deadline)) {
      logSkipped("day-summary", summary.uid, rules.slice(i));
      break;
    }
    if (!(await claimFiring(tx, rule.id, `day:${summary.id}`, receivedAt))) continue;
    const message = await render(tx, rule, {
      daySummary: {
        headline: summary.headline,
        overview: summary.overview,
        date: summary.date,
        emoji: summary.dayEmoji,
        conversations: summary.totalConversations,
      },
    });
    await queueApi(tx, rule, summary.uid, "day_summary", message, receivedAt);
    queued = true;
  }
  if (queued) runAfterResponse(() => processDue({ uid: summary.uid }));
}
