/**
 * Memory webhook → memories, memory_segments, action_items (docs/ARCHITECTURE.md
 * "Store"), in one statement (omi_ingest_memory, db/migrations 0004):
 *  1. Upsert the memory by (uid, owner, Omi id); a re-send bumps `revisions` and
 *     replaces the extracted columns and the raw JSON.
 *  2. Replace its segments (Omi's latest transcript is the truth).
 *  3. Upsert action items by (memory, description): Omi's `completed` is refreshed, the
 *     person's own tick (completedLocal) is never touched, and items Omi no longer
 *     lists are kept with present=false rather than deleted.
 *  4. Tie live sessions holding these segment ids to the memory.
 * Discarded memories are stored like any other, flagged `discarded`. Every shape Omi
 * sends is normalised here (lib/omi/memory-normalise.ts), once, in Node.
 */
import "server-only";
import { normaliseMemory } from "@/lib/omi/memory-normalise";
import type { MemoryPayload } from "@/lib/omi/memory-schema";
import { omiTimestampForPostgres } from "@/lib/omi/timestamps";
import { jsonBodyOf, rawField, type JsonBody } from "./json-body";
import { storeIngest, unloggedDelivery } from "./store";
import type { IngestCall, IngestContext, IngestResult, StoreOptions } from "./types";

export function memoryCall(payload: MemoryPayload, body: JsonBody): IngestCall {
  const m = normaliseMemory(payload);
  return {
    procedure: "omi_ingest_memory",
    text: body.text,
    fields: {
      ...rawField(body),
      memory: {
        omi_id: m.omiId,
        title: m.title,
        overview: m.overview,
        emoji: m.emoji,
        category: m.category,
        source: m.source,
        language: m.language,
        folder_name: m.folderName,
        discarded: m.discarded,
        // Omi's own text, so its microseconds are kept.
        started_at: m.startedAt ? omiTimestampForPostgres(payload.started_at) : null,
        finished_at: m.finishedAt ? omiTimestampForPostgres(payload.finished_at) : null,
        omi_created_at: m.omiCreatedAt ? omiTimestampForPostgres(payload.created_at) : null,
        transcript_text: m.transcriptText,
        action_item_count: m.actionItems.length,
        duration_seconds: m.durationSeconds,
        segments: m.segments.map((seg, idx) => ({
          idx,
          segment_id: seg.segmentId,
          text: seg.text,
          speaker: seg.speaker,
          speaker_id: seg.speakerId,
          speaker_name: seg.speakerName,
          is_user: seg.isUser,
          person_id: seg.personId,
          start: seg.start,
          end: seg.end,
        })),
        action_items: m.actionItems.map((item, idx) => ({
          idx,
          description: item.description,
          completed: item.completed,
          due_at: item.dueAt ? omiTimestampForPostgres(typeof item.raw.due_at === "string" ? item.raw.due_at : null) : null,
          raw: item.raw,
        })),
        live_segment_ids: m.segments.map((s) => s.segmentId),
      },
    },
  };
}

/** Stores a memory outside a webhook request (tests, seeding, imports). */
export async function ingestMemory(ctx: IngestContext, payload: MemoryPayload, options: StoreOptions = {}): Promise<IngestResult> {
  return storeIngest(memoryCall(payload, jsonBodyOf(payload)), unloggedDelivery("memory", ctx, options), options.on);
}
