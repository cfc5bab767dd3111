/**
 * Direct inserts of memories for tests, shaped like what the memory ingest stores
 * (transcript_text = segments joined, action_item_count, raw payload). Used where a
 * test needs exact control over times and text; the webhook path is covered by e2e.
 */
import { randomUUID } from "node:crypto";
import { db } from "@/db/client";
import { actionItems, memories, memorySegments } from "@/db/schema";

export type SeedSegment = { text: string; speakerId?: number; speakerName?: string; isUser?: boolean; start?: number; end?: number };

export async function seedMemory(input: {
  uid: string;
  ownerUserId?: string | null;
  title?: string;
  overview?: string;
  category?: string;
  startedAt?: Date;
  discarded?: boolean;
  segments?: SeedSegment[];
  actionItems?: { description: string; completed?: boolean }[];
  raw?: Record<string, unknown>;
}): Promise<string> {
  const segments = input.segments ?? [];
  const items = input.actionItems ?? [];
  const startedAt = input.startedAt ?? new Date();
  const lastEnd = segments.reduce((m, s, i) => Math.max(m, s.end ?? i * 5 + 4), 0);
  const [row] = await db
    .insert(memories)
    .values({
      uid: input.uid,
      ownerUserId: input.ownerUserId ?? null,
      omiId: randomUUID(),
      title: input.title ?? "Untitled",
      overview: input.overview ?? "",
      category: input.category ?? "other",
      startedAt,
      finishedAt: new Date(startedAt.getTime() + lastEnd * 1000),
      discarded: input.discarded ?? false,
      transcriptText: segments.map((s) => s.text).join("\n"),
      actionItemCount: items.length,
      durationSeconds: lastEnd,
      raw: input.raw ?? { structured: { title: input.title ?? "Untitled" } },
    })
    .returning({ id: memories.id });
  const id = row!.id;
  if (segments.length) {
    await db.insert(memorySegments).values(
      segments.map((s, i) => ({
        memoryId: id,
        idx: i,
        segmentId: randomUUID(),
        text: s.text,
        speaker: `SPEAKER_${s.speakerId ?? 0}`,
        speakerId: s.speakerId ?? 0,
        speakerName: s.speakerName ?? null,
        isUser: s.isUser ?? false,
        start: s.start ?? i * 5,
        end: s.end ?? i * 5 + 4,
      })),
    );
  }
  if (items.length) {
    await db
      .insert(actionItems)
      .values(items.map((a, i) => ({ memoryId: id, idx: i, description: a.description, completedOmi: a.completed ?? false })));
  }
  return id;
}
