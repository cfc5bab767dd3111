/**
 * Real-time transcript webhook → transcript_segments + live_sessions, in one statement
 * (omi_ingest_realtime, db/migrations 0004). In order, under the stream's lock:
 *  1. Lock this (uid, owner)'s live_streams row (created on first use). The lock is held
 *     to commit, so every ingest of one stream runs one after another and commits in
 *     sequence order: a reader who has seen seq N can never later find a committed
 *     change below N (a plain Postgres sequence cannot promise that).
 *  2. Upsert each segment by (uid, owner, segmentId). New → insert; a later copy with
 *     LONGER text → replace in place; same or shorter text → nothing, no event.
 *     Every change gets the next sequence number, stored on the segment.
 *  3. Sessions come from arrival time: a gap longer than LIVE_SESSION_GAP_MINUTES since
 *     the stream's latest session starts a new one. start/end stay Omi's (relative).
 *  4. Save the counter and NOTIFY (delivered only when the statement commits).
 *
 * Segments without an Omi id get a stable derived key from (session, start, speaker):
 * NOT the text, because a re-sent longer copy must map to the same key. The session
 * is part of it because start times restart at 0 in every listening session; the
 * function knows the session, so Node sends the rest of the key (`derived`).
 */
import "server-only";
import { env } from "@/lib/env";
import { speakerNumber } from "@/lib/omi/memory-normalise";
import type { RealtimePayload, TranscriptSegmentPayload } from "@/lib/omi/realtime-schema";
import { jsonBodyOf, rawField, type JsonBody } from "./json-body";
import { storeIngest, unloggedDelivery } from "./store";
import type { IngestCall, IngestContext, IngestResult, StoreOptions } from "./types";

/** The key of a segment: Omi's id, or derived from its session, start and speaker. */
export function segmentKey(segment: TranscriptSegmentPayload, sessionId: string): string {
  return segment.id || `derived:${sessionId}:${derivedKeyPart(segment)}`;
}

function derivedKeyPart(segment: TranscriptSegmentPayload): string {
  const speaker = segment.speaker_id ?? segment.speaker ?? (segment.is_user ? "user" : "unknown");
  return `${segment.start}:${speaker}`;
}

export function realtimeCall(payload: RealtimePayload, body: JsonBody): IngestCall {
  return {
    procedure: "omi_ingest_realtime",
    text: body.text,
    fields: {
      ...rawField(body),
      session_gap_minutes: env.LIVE_SESSION_GAP_MINUTES,
      segments: payload.segments.map((s) => ({
        id: s.id || null,
        derived: s.id ? null : derivedKeyPart(s),
        text: s.text,
        speaker: s.speaker ?? null,
        speaker_id: speakerNumber(s),
        speaker_name: s.speaker_name ?? null,
        is_user: s.is_user,
        person_id: s.person_id ?? null,
        start: s.start,
        end: s.end,
      })),
    },
  };
}

/** Stores segments outside a webhook request (tests, seeding), in `options.on` when given. */
export async function ingestRealtime(ctx: IngestContext, payload: RealtimePayload, options: StoreOptions = {}): Promise<IngestResult> {
  return storeIngest(realtimeCall(payload, jsonBodyOf(payload)), unloggedDelivery("realtime", ctx, options), options.on);
}
