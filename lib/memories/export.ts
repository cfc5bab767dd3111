/**
 * One memory as a Markdown document a person can keep: title, times, overview,
 * sections, action items, events and the transcript with speaker names and offsets.
 * Stored text is written as it is (Markdown is the person's own text here).
 */
import type { MemoryDetail } from "@/lib/api/schemas/memories";
import { formatDuration, formatOffset } from "@/lib/format";
import { speakerLabel } from "@/lib/speakers";

const utc = (iso: string | null) => (iso ? iso.replace("T", " ").replace(/\.\d+Z$/, " UTC") : "–");

export function memoryToMarkdown(m: MemoryDetail): string {
  const out: string[] = [];
  out.push(`# ${m.emoji} ${m.title || "Untitled memory"}`, "");
  out.push(`- Category: ${m.category}`);
  out.push(`- Started: ${utc(m.startedAt)}`);
  out.push(`- Finished: ${utc(m.finishedAt)}`);
  out.push(`- Duration: ${formatDuration(m.durationSeconds)}`);
  if (m.source) out.push(`- Source: ${m.source}`);
  if (m.folderName) out.push(`- Folder: ${m.folderName}`);
  out.push(`- Omi uid: ${m.uid}`);
  if (m.discarded) out.push(`- Discarded by Omi`);
  out.push("");
  if (m.overview) out.push("## Overview", "", m.overview, "");
  for (const s of m.sections) out.push(`## ${s.heading || "Section"}`, "", s.bodyMarkdown, "");
  if (m.actionItems.length) {
    out.push("## Action items", "");
    for (const a of m.actionItems)
      out.push(`- [${a.completed ? "x" : " "}] ${a.description}${a.present ? "" : " (no longer listed by Omi)"}`);
    out.push("");
  }
  if (m.events.length) {
    out.push("## Events", "");
    for (const e of m.events) {
      const when = e.start ? ` — ${e.start}` : "";
      const length = e.durationMinutes ? ` (${e.durationMinutes} min)` : "";
      out.push(`- ${e.title}${when}${length}${e.description ? `: ${e.description}` : ""}`);
    }
    out.push("");
  }
  if (m.transcriptSegments.length) {
    out.push("## Transcript", "");
    for (const s of m.transcriptSegments) out.push(`**${speakerLabel(s)}** [${formatOffset(s.start)}]: ${s.text}`, "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

/** "2026-03-12-q2-launch-checklist.md": date and a slug of the title, safe in a header and a file system. */
export function exportFileName(m: Pick<MemoryDetail, "listedAt" | "title" | "id">, ext: string): string {
  const slug = m.title
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "-")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${m.listedAt.slice(0, 10)}-${slug || m.id.slice(0, 8)}.${ext}`;
}
