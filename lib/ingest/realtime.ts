/**
 * Real-time transcript webhook → transcript_segments (DESIGN.md "Store" and "Fan out").
 *
 * Runs inside the webhook wrapper's transaction. In order:
 *  1. Lock this (uid, owner)'s live_streams row (created on first use). The lock is held
 *     to commit, so every ingest of one stream runs one after another and commits in
 *     sequence order: a reader who has seen seq N can never later find a committed
 *     change below N (a plain Postgres sequence cannot promise that).
 *  2. Upsert each segment by (uid, owner, segmentId). New → insert; a later copy with
 *     LONGER text → replace in place; same or shorter text → nothing, no event.
 *     Every change gets the next sequence number, stored on the segment.
 *  3. Sessions come from arrival time: a gap longer than LIVE_SESSION_GAP_MINUTES since
 *     the stream's latest session starts a new one. start/end stay Omi's (relative).
 *  4. Save the counter and NOTIFY (delivered only when the transaction commits).
 *
 * Segments without an Omi id get a stable derived key from (session, start, speaker):
 * NOT the text, because a re-sent longer copy must map to the same key. The session
 * is part of it because start times restart at 0 in every listening session.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { rows } from "@/db/client";
import { liveSessions, transcriptSegments } from "@/db/schema";
import { env } from "@/lib/env";
import { notifyLiveChange } from "@/lib/live/channel";
import type { RealtimePayload, TranscriptSegmentPayload } from "@/lib/omi/realtime-schema";
import type { IngestContext, IngestResult } from "./types";

type Existing = { id: string; sessionId: string; text: string };

export async function ingestRealtime(ctx: IngestContext, payload: RealtimePayload): Promise<IngestResult> {
  const { tx, uid, ownerUserId, receivedAt } = ctx;
  if (payload.segments.length === 0) return { stored: { segments: 0 } };

  const stream = await lockStream(ctx);
  let seq = stream.seq;

  const latest = await tx
    .select({ id: liveSessions.id, lastSegmentAt: liveSessions.lastSegmentAt })
    .from(liveSessions)
    .where(eq(liveSessions.streamId, stream.id))
    .orderBy(sql`${liveSessions.lastSegmentAt} desc`)
    .limit(1);
  const gapMs = env.LIVE_SESSION_GAP_MINUTES * 60_000;
  const continues = latest[0] && receivedAt.getTime() - latest[0].lastSegmentAt.getTime() <= gapMs;
  const currentSessionId = continues ? latest[0]!.id : crypto.randomUUID();
  let currentSessionCreated = Boolean(continues);

  const keyed = payload.segments.map((s) => ({ key: segmentKey(s, currentSessionId), segment: s }));
  const known = new Map<string, Existing>();
  const keys = [...new Set(keyed.map((k) => k.key))];
  const found = await tx
    .select({
      id: transcriptSegments.id,
      segmentId: transcriptSegments.segmentId,
      sessionId: transcriptSegments.sessionId,
      text: transcriptSegments.text,
    })
    .from(transcriptSegments)
    .where(
      and(
        eq(transcriptSegments.uid, uid),
        sql`${transcriptSegments.ownerUserId} is not distinct from ${ownerUserId}`,
        inArray(transcriptSegments.segmentId, keys),
      ),
    );
  for (const f of found) known.set(f.segmentId, f);

  /** sessionId → segments added to it by this delivery. */
  const touched = new Map<string, number>();
  let added = 0;
  let grown = 0;

  for (const { key, segment } of keyed) {
    const existing = known.get(key);
    const columns = segmentColumns(segment);
    if (!existing) {
      if (!currentSessionCreated) {
        await tx.insert(liveSessions).values({
          id: currentSessionId,
          streamId: stream.id,
          uid,
          ownerUserId,
          startedAt: receivedAt,
          lastSegmentAt: receivedAt,
        });
        currentSessionCreated = true;
      }
      seq += 1;
      const [row] = await tx
        .insert(transcriptSegments)
        .values({
          ...columns,
          streamId: stream.id,
          sessionId: currentSessionId,
          uid,
          ownerUserId,
          segmentId: key,
          seq,
          firstSeenAt: receivedAt,
          updatedAt: receivedAt,
        })
        .returning({ id: transcriptSegments.id });
      known.set(key, { id: row!.id, sessionId: currentSessionId, text: segment.text });
      touched.set(currentSessionId, (touched.get(currentSessionId) ?? 0) + 1);
      added += 1;
    } else if (segment.text.length > existing.text.length) {
      seq += 1;
      await tx
        .update(transcriptSegments)
        .set({ ...columns, seq, updatedAt: receivedAt })
        .where(eq(transcriptSegments.id, existing.id));
      existing.text = segment.text;
      touched.set(existing.sessionId, touched.get(existing.sessionId) ?? 0);
      grown += 1;
    }
  }

  if (seq === stream.seq) return { stored: { segments: 0 } };

  for (const [sessionId, newSegments] of touched) {
    await tx
      .update(liveSessions)
      .set({
        lastSegmentAt: sql`greatest(${liveSessions.lastSegmentAt}, ${receivedAt.toISOString()}::timestamptz)`,
        segmentCount: sql`${liveSessions.segmentCount} + ${newSegments}`,
      })
      .where(eq(liveSessions.id, sessionId));
  }
  await rows(sql`update live_streams set seq = ${seq} where id = ${stream.id}`, tx);
  await notifyLiveChange(tx, { streamId: stream.id, seq });
  return { stored: { segments: added + grown, added, grown, sessionId: currentSessionId, seq } };
}

/**
 * Creates or locks the stream's counter row. `do update` (even to the same value) takes
 * the row lock, which this transaction then holds until it commits.
 */
async function lockStream({ tx, uid, ownerUserId }: IngestContext): Promise<{ id: number; seq: number }> {
  const [row] = await rows<{ id: string | number; seq: string | number }>(
    sql`insert into live_streams (uid, owner_user_id) values (${uid}, ${ownerUserId})
        on conflict (uid, owner_user_id) do update set seq = live_streams.seq
        returning id, seq`,
    tx,
  );
  return { id: Number(row!.id), seq: Number(row!.seq) };
}

export function segmentKey(segment: TranscriptSegmentPayload, sessionId: string): string {
  if (segment.id) return segment.id;
  const speaker = segment.speaker_id ?? segment.speaker ?? (segment.is_user ? "user" : "unknown");
  return `derived:${sessionId}:${segment.start}:${speaker}`;
}

/** "SPEAKER_01" → 1, for payloads without speaker_id. */
function speakerNumber(segment: TranscriptSegmentPayload): number | null {
  if (typeof segment.speaker_id === "number") return segment.speaker_id;
  const m = /^SPEAKER_(\d+)$/i.exec(segment.speaker ?? "");
  return m ? Number(m[1]) : null;
}

function segmentColumns(segment: TranscriptSegmentPayload) {
  return {
    text: segment.text,
    speaker: segment.speaker ?? null,
    speakerId: speakerNumber(segment),
    speakerName: segment.speaker_name ?? null,
    isUser: segment.is_user,
    personId: segment.person_id ?? null,
    start: segment.start,
    end: segment.end,
    raw: segment as Record<string, unknown>,
  };
}
