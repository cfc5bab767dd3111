/**
 * Reading day summaries (recaps). Every query filters with `visibleTo`, so a recap of
 * another account is simply not there. Rows are written by lib/ingest/day-summary.ts.
 *
 * One uid can, rarely, have two visible rows for a date (one through the account's
 * personal token, one through the app token for a linked uid); the newest wins, so a
 * day shows one recap per uid.
 */
import "server-only";
import { and, asc, desc, eq, gt, gte, inArray, lt, lte, max, min, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { daySummaries, memories, type DaySummary } from "@/db/schema";
import type { DaySummaryItem } from "@/lib/api/schemas/day-summaries";
import { type Scope, visibleTo } from "@/lib/auth/scope";
import { recapStats } from "./view-model";

type Filter = { scope: Scope; uid?: string };

function where({ scope, uid }: Filter, ...more: (SQL | undefined)[]): SQL | undefined {
  return and(visible(scope), uid ? eq(daySummaries.uid, uid) : undefined, ...more);
}

function visible(scope: Scope): SQL {
  return visibleTo(daySummaries, scope);
}

/** Newest row per (date, uid) within the filter, ordered by date then uid. */
async function latestRows(filter: Filter, ...more: (SQL | undefined)[]): Promise<DaySummary[]> {
  return db
    .selectDistinctOn([daySummaries.date, daySummaries.uid])
    .from(daySummaries)
    .where(where(filter, ...more))
    .orderBy(asc(daySummaries.date), asc(daySummaries.uid), desc(daySummaries.updatedAt));
}

/** The API's view of a row: our columns for the calendar, Omi's object unchanged as `content`. */
export function toItem(row: DaySummary): DaySummaryItem {
  const fromContent = recapStats(row.content);
  return {
    date: row.date,
    uid: row.uid,
    headline: row.headline,
    dayEmoji: row.dayEmoji,
    stats: {
      totalConversations: row.totalConversations ?? fromContent?.conversations ?? null,
      totalDurationMinutes: row.totalDurationMinutes ?? fromContent?.minutes ?? null,
      actionItemsCount: fromContent?.actionItems ?? null,
    },
    content: row.content,
  };
}

/** Recaps dated from..to inclusive. */
export async function listDaySummaries({ scope, uid, from, to }: Filter & { from: string; to: string }): Promise<DaySummaryItem[]> {
  const found = await latestRows({ scope, uid }, gte(daySummaries.date, from), lte(daySummaries.date, to));
  return found.map(toItem);
}

/** The recaps of one date (one per uid), empty when none is visible. */
export async function getDaySummariesOn({ scope, uid, date }: Filter & { date: string }): Promise<DaySummaryItem[]> {
  const found = await latestRows({ scope, uid }, eq(daySummaries.date, date));
  return found.map(toItem);
}

export type CalendarDay = {
  date: string;
  uid: string;
  headline: string | null;
  dayEmoji: string | null;
  minutes: number | null;
  conversations: number | null;
};

/** What the month grid and heatmap need, without the (large) content. */
export async function listCalendarDays({ scope, uid, from, to }: Filter & { from: string; to: string }): Promise<CalendarDay[]> {
  return db
    .selectDistinctOn([daySummaries.date, daySummaries.uid], {
      date: daySummaries.date,
      uid: daySummaries.uid,
      headline: daySummaries.headline,
      dayEmoji: daySummaries.dayEmoji,
      minutes: daySummaries.totalDurationMinutes,
      conversations: daySummaries.totalConversations,
    })
    .from(daySummaries)
    .where(where({ scope, uid }, gte(daySummaries.date, from), lte(daySummaries.date, to)))
    .orderBy(asc(daySummaries.date), asc(daySummaries.uid), desc(daySummaries.updatedAt));
}

/** The nearest earlier and later dates that have a recap. */
export async function adjacentRecapDates({
  scope,
  uid,
  date,
}: Filter & { date: string }): Promise<{ previous: string | null; next: string | null }> {
  const [[before], [after]] = await Promise.all([
    db
      .select({ d: max(daySummaries.date) })
      .from(daySummaries)
      .where(where({ scope, uid }, lt(daySummaries.date, date))),
    db
      .select({ d: min(daySummaries.date) })
      .from(daySummaries)
      .where(where({ scope, uid }, gt(daySummaries.date, date))),
  ]);
  return { previous: before?.d ?? null, next: after?.d ?? null };
}

/** The uids this account has recaps for (the calendar offers a filter when there are several). */
export async function recapUids({ scope }: { scope: Scope }): Promise<string[]> {
  const found = await db.selectDistinct({ uid: daySummaries.uid }).from(daySummaries).where(visible(scope)).orderBy(asc(daySummaries.uid));
  return found.map((r) => r.uid);
}

export type LinkedMemory = { id: string; title: string; emoji: string };

/** Our memories for Omi conversation ids the recap mentions, keyed by Omi id (only those visible). */
export async function memoriesByOmiId({
  scope,
  uid,
  omiIds,
}: {
  scope: Scope;
  uid: string;
  omiIds: string[];
}): Promise<Record<string, LinkedMemory>> {
  if (omiIds.length === 0) return {};
  const found = await db
    .select({ omiId: memories.omiId, id: memories.id, title: memories.title, emoji: memories.emoji })
    .from(memories)
    .where(and(visibleTo(memories, scope), eq(memories.uid, uid), inArray(memories.omiId, omiIds.slice(0, 500))))
    .orderBy(desc(memories.updatedAt));
  const out: Record<string, LinkedMemory> = {};
  for (const m of found) out[m.omiId] ??= { id: m.id, title: m.title, emoji: m.emoji };
  return out;
}
