/**
 * Memory webhook → memories, memory_segments, action_items (DESIGN.md "Store").
 *
 * Runs inside the webhook wrapper's transaction:
 *  1. Upsert the memory by (uid, owner, Omi id); a re-send bumps `revisions` and
 *     replaces the extracted columns and the raw JSON.
 *  2. Replace its segments (Omi's latest transcript is the truth).
 *  3. Upsert action items by (memory, description): Omi's `completed` is refreshed, the
 *     person's own tick (completedLocal) is never touched, and items Omi no longer
 *     lists are kept with present=false rather than deleted.
 *  4. Tie live sessions holding these segment ids to the memory.
 * Discarded memories are stored like any other, flagged `discarded`.
 */
import { and, eq, notInArray, sql } from "drizzle-orm";
import { actionItems, memories, memorySegments } from "@/db/schema";
import { linkSessionsToMemory } from "@/lib/live/sessions";
import { normaliseMemory } from "@/lib/omi/memory-normalise";
import type { MemoryPayload } from "@/lib/omi/memory-schema";
import type { IngestContext, IngestResult } from "./types";

export async function ingestMemory(ctx: IngestContext, payload: MemoryPayload): Promise<IngestResult> {
  const { tx, uid, ownerUserId, receivedAt } = ctx;
  const m = normaliseMemory(payload);
  const columns = {
    title: m.title,
    overview: m.overview,
    emoji: m.emoji,
    category: m.category,
    source: m.source,
    language: m.language,
    folderName: m.folderName,
    discarded: m.discarded,
    startedAt: m.startedAt,
    finishedAt: m.finishedAt,
    omiCreatedAt: m.omiCreatedAt,
    transcriptText: m.transcriptText,
    actionItemCount: m.actionItems.length,
    durationSeconds: m.durationSeconds,
    raw: payload,
  };

  const [memory] = await tx
    .insert(memories)
    .values({ uid, ownerUserId, omiId: m.omiId, ...columns, receivedAt, updatedAt: receivedAt })
    .onConflictDoUpdate({
      target: [memories.uid, memories.ownerUserId, memories.omiId],
      set: { ...columns, revisions: sql`${memories.revisions} + 1`, updatedAt: receivedAt },
    })
    .returning({ id: memories.id, revisions: memories.revisions });
  const memoryId = memory!.id;
  // A memory seen for the first time (revision 1) has no segments or action items yet:
  // skipping the delete and the "no longer listed" update saves two round trips on
  // every new memory, the common case (measured in `npm run bench`, docs/BENCHMARKS.md).
  const isNew = memory!.revisions === 1;

  if (!isNew) await tx.delete(memorySegments).where(eq(memorySegments.memoryId, memoryId));
  if (m.segments.length) {
    await tx.insert(memorySegments).values(m.segments.map((seg, idx) => ({ memoryId, idx, ...seg })));
  }

  // One multi-row upsert instead of one statement per item. ON CONFLICT cannot touch a
  // row twice in one statement: normaliseMemory already keeps one item per description.
  if (m.actionItems.length) {
    await tx
      .insert(actionItems)
      .values(
        m.actionItems.map((item, idx) => ({ memoryId, idx, description: item.description, completedOmi: item.completed, dueAt: item.dueAt, raw: item.raw })),
      )
      .onConflictDoUpdate({
        target: [actionItems.memoryId, actionItems.description],
        // completedLocal / completedLocalAt are what the person set here: left alone.
        set: {
          idx: sql`excluded.idx`,
          completedOmi: sql`excluded.completed_omi`,
          dueAt: sql`excluded.due_at`,
          raw: sql`excluded.raw`,
          present: true,
        },
      });
  }
  if (!isNew) {
    const sent = m.actionItems.map((i) => i.description);
    await tx
      .update(actionItems)
      .set({ present: false })
      .where(and(eq(actionItems.memoryId, memoryId), sent.length ? notInArray(actionItems.description, sent) : undefined));
  }

  const { linked } = await linkSessionsToMemory({
    tx,
    uid,
    ownerUserId,
    memoryId,
    segmentIds: m.segments.map((s) => s.segmentId),
  });

  return {
    stored: {
      memoryId,
      revision: memory!.revisions,
      segments: m.segments.length,
      actionItems: m.actionItems.length,
      discarded: m.discarded,
      liveSessionsLinked: linked,
    },
  };
}
