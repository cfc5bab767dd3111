/**
 * Reads of the live transcript, always scoped with visibleTo: an account reads only the
 * streams it may see (its personal-token stream(s) and app-token streams of its
 * verified uids).
 */
import "server-only";
import { and, asc, desc, eq, or, sql, type SQL } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { liveSessions, liveStreams, memories, transcriptSegments } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope";
import { visibleTo } from "@/lib/auth/scope";
import { env } from "@/lib/env";
import type { Cursor } from "./cursor";

export type LiveSegment = {
  id: string;
  uid: string;
  sessionId: string;
  text: string;
  speaker: string | null;
  speakerId: number | null;
  speakerName?: string;
  isUser: boolean;
  start: number;
  end: number;
};

/** A segment change with the stream position it brings the reader to. */
export type LiveChange = { streamId: number; seq: number; segment: LiveSegment };

/** Streams this scope may read, with their current head sequence. */
export async function visibleStreams({ scope, on = db }: { scope: Scope; on?: DbOrTx }): Promise<Cursor> {
  const found = await on.select({ id: liveStreams.id, seq: liveStreams.seq }).from(liveStreams).where(visibleTo(liveStreams, scope));
  return new Map(found.map((s) => [Number(s.id), Number(s.seq)]));
}

const segmentColumns = {
  streamId: transcriptSegments.streamId,
  seq: transcriptSegments.seq,
  id: transcriptSegments.id,
  uid: transcriptSegments.uid,
  sessionId: transcriptSegments.sessionId,
  text: transcriptSegments.text,
  speaker: transcriptSegments.speaker,
  speakerId: transcriptSegments.speakerId,
  speakerName: transcriptSegments.speakerName,
  isUser: transcriptSegments.isUser,
  start: transcriptSegments.start,
  end: transcriptSegments.end,
};

type SegmentRow = { [K in keyof typeof segmentColumns]: unknown };

function toChange(r: SegmentRow): LiveChange {
  const segment: LiveSegment = {
    id: String(r.id),
    uid: String(r.uid),
    sessionId: String(r.sessionId),
    text: String(r.text),
    speaker: (r.speaker as string | null) ?? null,
    speakerId: r.speakerId == null ? null : Number(r.speakerId),
    isUser: Boolean(r.isUser),
    start: Number(r.start),
    end: Number(r.end),
  };
  if (r.speakerName) segment.speakerName = String(r.speakerName);
  return { streamId: Number(r.streamId), seq: Number(r.seq), segment };
}

/**
 * Changes after `cursor` in the given streams (a stream missing from the cursor is read
 * from its start), in sequence order per stream. `streams` must already be scoped: it
 * comes from visibleStreams().
 */
export async function changesAfter({
  streams,
  cursor,
  limit = 500,
  on = db,
}: {
  streams: Iterable<number>;
  cursor: Cursor;
  limit?: number;
  on?: DbOrTx;
}): Promise<LiveChange[]> {
  const conditions: SQL[] = [];
  for (const streamId of streams) {
    conditions.push(and(eq(transcriptSegments.streamId, streamId), sql`${transcriptSegments.seq} > ${cursor.get(streamId) ?? 0}`)!);
  }
  if (conditions.length === 0) return [];
  const found = await on
    .select(segmentColumns)
    .from(transcriptSegments)
    .where(or(...conditions))
    .orderBy(asc(transcriptSegments.streamId), asc(transcriptSegments.seq))
    .limit(limit);
  return found.map(toChange);
}

/** Advances `cursor` past `changes` (a new Map; the input is left alone). */
export function advance(cursor: Cursor, changes: readonly LiveChange[]): Cursor {
  const next = new Map(cursor);
  for (const c of changes) if (c.seq > (next.get(c.streamId) ?? 0)) next.set(c.streamId, c.seq);
  return next;
}

/** Segments of one session the scope may see, in spoken order, or null when it is not theirs. */
export async function sessionSegments({ scope, sessionId }: { scope: Scope; sessionId: string }): Promise<LiveSegment[] | null> {
  const [session] = await db
    .select({ id: liveSessions.id })
    .from(liveSessions)
    .where(and(eq(liveSessions.id, sessionId), visibleTo(liveSessions, scope)));
  if (!session) return null;
  const found = await db
    .select(segmentColumns)
    .from(transcriptSegments)
    .where(and(eq(transcriptSegments.sessionId, sessionId), visibleTo(transcriptSegments, scope)))
    .orderBy(asc(transcriptSegments.start), asc(transcriptSegments.firstSeenAt), asc(transcriptSegments.id))
    .limit(5000);
  return found.map((r) => toChange(r).segment);
}

export type LiveSessionSummary = {
  id: string;
  uid: string;
  startedAt: Date;
  lastSegmentAt: Date;
  segmentCount: number;
  /** Still within LIVE_SESSION_GAP_MINUTES of its last segment: more may join it. */
  active: boolean;
  memoryId: string | null;
  memoryTitle: string | null;
};

/** Sessions the scope may see, newest first. */
export async function listSessions({
  scope,
  limit = 50,
  now = new Date(),
}: {
  scope: Scope;
  limit?: number;
  now?: Date;
}): Promise<LiveSessionSummary[]> {
  const found = await db
    .select({
      id: liveSessions.id,
      uid: liveSessions.uid,
      startedAt: liveSessions.startedAt,
      lastSegmentAt: liveSessions.lastSegmentAt,
      segmentCount: liveSessions.segmentCount,
      memoryId: memories.id,
      memoryTitle: memories.title,
    })
    .from(liveSessions)
    // The memory must be visible too (it always is when owners match; checked anyway).
    .leftJoin(memories, and(eq(memories.id, liveSessions.memoryId), visibleTo(memories, scope)))
    .where(visibleTo(liveSessions, scope))
    .orderBy(desc(liveSessions.lastSegmentAt), desc(liveSessions.id))
    .limit(limit);
  const gapMs = env.LIVE_SESSION_GAP_MINUTES * 60_000;
  return found.map((s) => ({
    ...s,
    active: now.getTime() - s.lastSegmentAt.getTime() <= gapMs,
    memoryId: s.memoryId ?? null,
    memoryTitle: s.memoryTitle ?? null,
  }));
}
