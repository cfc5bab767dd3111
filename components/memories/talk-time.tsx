import type { TranscriptSegmentView } from "@/lib/api/schemas/memories";
import { formatDuration } from "@/lib/format";
import { speakerLabel, speakerStyle } from "@/lib/speakers";

type Share = { key: string; label: string; seconds: number; style: Record<string, string> };

/** Seconds spoken per speaker, largest first. */
export function talkTime(segments: TranscriptSegmentView[]): Share[] {
  const byKey = new Map<string, Share>();
  for (const s of segments) {
    const key = s.isUser ? "user" : `spk-${s.speakerId ?? s.speaker ?? "?"}`;
    const share = byKey.get(key) ?? { key, label: speakerLabel(s), seconds: 0, style: speakerStyle(s) };
    share.seconds += Math.max(0, s.end - s.start);
    byKey.set(key, share);
  }
  return [...byKey.values()].sort((a, b) => b.seconds - a.seconds);
}

/** A bar of who talked how much, with a legend (colour is never the only signal: names and percentages). */
export function TalkTimeBar({ segments }: { segments: TranscriptSegmentView[] }) {
  const shares = talkTime(segments);
  const total = shares.reduce((sum, s) => sum + s.seconds, 0);
  if (total <= 0) return null;
  return (
    <figure aria-label="Talk time per speaker" className="space-y-2">
      <div className="flex h-3 w-full overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800" aria-hidden>
        {shares.map((s) => (
          <div
            key={s.key}
            style={{ ...s.style, width: `${(s.seconds / total) * 100}%` }}
            className="h-full bg-[var(--spk)] dark:bg-[var(--spk-dark)]"
          />
        ))}
      </div>
      <figcaption>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
          {shares.map((s) => (
            <li key={s.key} className="inline-flex items-center gap-1.5" style={s.style}>
              <span aria-hidden className="size-2.5 rounded-full bg-[var(--spk)] dark:bg-[var(--spk-dark)]" />
              <span className="font-medium text-zinc-800 dark:text-zinc-200">{s.label}</span>
              <span className="tabular">
                {Math.round((s.seconds / total) * 100)}% · {formatDuration(s.seconds)}
              </span>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
