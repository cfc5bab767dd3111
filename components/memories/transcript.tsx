import type { TranscriptSegmentView } from "@/lib/api/schemas/memories";
import { formatOffset } from "@/lib/format";
import { speakerLabel, speakerStyle } from "@/lib/speakers";

/** The transcript: consecutive lines of one speaker are grouped under one name. */
export function Transcript({ segments }: { segments: TranscriptSegmentView[] }) {
  const groups: { key: string; first: TranscriptSegmentView; lines: TranscriptSegmentView[] }[] = [];
  for (const s of segments) {
    const key = s.isUser ? "user" : `spk-${s.speakerId ?? s.speaker ?? "?"}-${s.speakerName ?? ""}`;
    const last = groups[groups.length - 1];
    if (last && last.key === key) last.lines.push(s);
    else groups.push({ key, first: s, lines: [s] });
  }
  return (
    <ol className="space-y-4">
      {groups.map((g) => (
        <li
          key={`${g.first.idx}`}
          style={speakerStyle(g.first)}
          className="border-l-4 border-[var(--spk)] pl-3 dark:border-[var(--spk-dark)]"
        >
          <div className="flex items-baseline gap-2">
            <span className="text-sm font-semibold text-[var(--spk)] dark:text-[var(--spk-dark)]">{speakerLabel(g.first)}</span>
            <span className="text-xs text-zinc-500 tabular">{formatOffset(g.first.start)}</span>
          </div>
          <div className="mt-1 space-y-1">
            {g.lines.map((line) => (
              <p key={line.idx} className="leading-relaxed text-zinc-800 dark:text-zinc-200">
                {line.text}
              </p>
            ))}
          </div>
        </li>
      ))}
    </ol>
  );
}
