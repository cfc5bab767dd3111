/**
 * One record from any memory shape (lib/omi/memory-schema.ts): what the memory ingest
 * writes into columns. The payload itself is kept raw beside them.
 */
import { createHash } from "node:crypto";
import type { MemoryPayload } from "./memory-schema";
import type { TranscriptSegmentPayload } from "./realtime-schema";
import { parseOmiTimestamp } from "./timestamps";

export type NormalisedSegment = {
  segmentId: string;
  text: string;
  speaker: string | null;
  speakerId: number | null;
  speakerName: string | null;
  isUser: boolean;
  personId: string | null;
  start: number;
  end: number;
};

export type NormalisedActionItem = {
  description: string;
  completed: boolean;
  dueAt: Date | null;
  raw: Record<string, unknown>;
};

export type NormalisedMemory = {
  omiId: string;
  title: string;
  overview: string;
  emoji: string;
  category: string;
  source: string | null;
  language: string | null;
  folderName: string | null;
  discarded: boolean;
  startedAt: Date | null;
  finishedAt: Date | null;
  omiCreatedAt: Date | null;
  segments: NormalisedSegment[];
  actionItems: NormalisedActionItem[];
  transcriptText: string;
  durationSeconds: number | null;
};

/** "ConversationSource.omi" (phone serializer) → "omi". */
export function normaliseSource(source: string | null | undefined): string | null {
  if (!source) return null;
  return source.replace(/^ConversationSource\./, "");
}

/** "SPEAKER_01" → 1, for payloads without speaker_id. */
export function speakerNumber(segment: TranscriptSegmentPayload): number | null {
  if (typeof segment.speaker_id === "number") return segment.speaker_id;
  const m = /^SPEAKER_(\d+)$/i.exec(segment.speaker ?? "");
  return m ? Number(m[1]) : null;
}

/**
 * Omi's segment id, or (older phone builds send none) a stable key derived from
 * (start, speaker, text), so the same segment re-sent gets the same key.
 */
export function memorySegmentKey(segment: TranscriptSegmentPayload): string {
  if (segment.id) return segment.id;
  const speaker = segment.speaker_id ?? segment.speaker ?? (segment.is_user ? "user" : "unknown");
  const textHash = createHash("sha256").update(segment.text).digest("hex").slice(0, 16);
  return `derived:${segment.start}:${speaker}:${textHash}`;
}

function actionItems(payload: MemoryPayload): NormalisedActionItem[] {
  const s = payload.structured;
  const list = [...(s?.action_items ?? []), ...(s?.actionItems ?? [])];
  const seen = new Set<string>();
  const out: NormalisedActionItem[] = [];
  for (const item of list) {
    const obj = typeof item === "string" ? { description: item } : item;
    const description = obj.description.trim();
    // One row per description (the upsert key); Omi occasionally repeats an item.
    if (!description || seen.has(description)) continue;
    seen.add(description);
    out.push({
      description,
      completed: typeof item === "string" ? false : Boolean(item.completed),
      dueAt: typeof item === "string" ? null : parseOmiTimestamp(item.due_at),
      raw: obj as Record<string, unknown>,
    });
  }
  return out;
}

export function normaliseMemory(payload: MemoryPayload): NormalisedMemory {
  const s = payload.structured;
  const segments: NormalisedSegment[] = (payload.transcript_segments ?? []).map((seg) => ({
    segmentId: memorySegmentKey(seg),
    text: seg.text,
    speaker: seg.speaker ?? null,
    speakerId: speakerNumber(seg),
    speakerName: seg.speaker_name ?? null,
    isUser: seg.is_user,
    personId: seg.person_id ?? null,
    start: seg.start,
    end: seg.end,
  }));
  const startedAt = parseOmiTimestamp(payload.started_at);
  const finishedAt = parseOmiTimestamp(payload.finished_at);
  const lastEnd = segments.reduce<number | null>((max, seg) => (max === null || seg.end > max ? seg.end : max), null);
  const durationSeconds =
    startedAt && finishedAt && finishedAt >= startedAt ? (finishedAt.getTime() - startedAt.getTime()) / 1000 : lastEnd;
  return {
    omiId: payload.id,
    title: s?.title ?? "",
    overview: s?.overview ?? "",
    emoji: s?.emoji || "🧠",
    category: s?.category || "other",
    source: normaliseSource(payload.source),
    language: payload.language ?? null,
    folderName: payload.folder_name ?? null,
    discarded: Boolean(payload.discarded),
    startedAt,
    finishedAt,
    omiCreatedAt: parseOmiTimestamp(payload.created_at),
    segments,
    actionItems: actionItems(payload),
    transcriptText: segments.map((seg) => seg.text).join("\n"),
    durationSeconds,
  };
}
