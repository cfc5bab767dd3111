/**
 * "Did Omi's content change?" as one hash of the normalised memory, over the fields
 * both the webhook and the Developer API carry. Fields only one of them sends
 * (segment speaker labels, is_user, person_id, speaker names on app webhooks, sections,
 * raw action-item extras) are left out, so a delivered memory re-read through the
 * Developer API hashes the same and a re-scan that finds nothing new writes nothing.
 */
import { createHash } from "node:crypto";
import type { NormalisedMemory } from "@/lib/omi/memory-normalise";

const ms = (d: Date | null) => (d ? d.getTime() : null);

export function contentHash(m: NormalisedMemory): string {
  const content = [
    m.omiId,
    m.title,
    m.overview,
    m.emoji,
    m.category,
    m.language,
    m.source,
    m.folderName,
    m.discarded,
    ms(m.startedAt),
    ms(m.finishedAt),
    ms(m.omiCreatedAt),
    m.segments.map((s) => [s.segmentId, s.text, s.speakerId, s.start, s.end]),
    m.actionItems.map((i) => [i.description, i.completed, ms(i.dueAt)]),
  ];
  return createHash("sha256").update(JSON.stringify(content)).digest("hex");
}
