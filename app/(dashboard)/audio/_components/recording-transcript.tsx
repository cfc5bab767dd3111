"use client";

import type { RecordingSegment } from "@/lib/api/schemas/recordings";
import { formatOffset } from "@/lib/format";
import { speakerLabel, speakerStyle } from "@/lib/speakers";

/**
 * The live transcript segments that arrived while the recording streamed. A segment's
 * offset is its arrival time minus the recording's start (both arrival clocks); audio
 * reaches us a send interval after it was spoken, so a click seeks two seconds early
 * to land just before the words.
 */
const LEAD_IN_SECONDS = 2;

export function RecordingTranscript({
  segments,
  current,
  onSeek,
}: {
  segments: RecordingSegment[];
  current: number;
  onSeek: (seconds: number) => void;
}) {
  let active = -1;
  for (let i = 0; i < segments.length; i++) if (segments[i]!.offsetSeconds - LEAD_IN_SECONDS <= current) active = i;

  if (segments.length === 0) {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        No live transcript arrived while this was recorded. Paste your real-time transcript URL into Omi's Developer Settings too to see the
        words here.
      </p>
    );
  }
  return (
    <ol className="max-h-[28rem] space-y-1 overflow-y-auto pr-1">
      {segments.map((s, i) => (
        <li key={s.id}>
          <button
            type="button"
            onClick={() => onSeek(Math.max(0, s.offsetSeconds - LEAD_IN_SECONDS))}
            aria-current={i === active ? "true" : undefined}
            className={`flex w-full gap-3 rounded-lg px-2 py-1.5 text-left text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-accent-500 dark:hover:bg-zinc-800 ${
              i === active ? "bg-accent-50 dark:bg-accent-900/40" : ""
            }`}
          >
            <span className="tabular w-12 shrink-0 pt-px text-xs text-zinc-500 dark:text-zinc-400">{formatOffset(s.offsetSeconds)}</span>
            <span className="min-w-0">
              <span style={speakerStyle(s)} className="mr-1.5 font-medium text-[var(--spk)] dark:text-[var(--spk-dark)]">
                {speakerLabel(s)}
              </span>
              <span className="text-zinc-800 dark:text-zinc-200">{s.text}</span>
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}
