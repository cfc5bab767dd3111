"use client";

import { AlertTriangle } from "lucide-react";
import type { RecordingSummary } from "@/lib/api/schemas/recordings";
import { groupByDay } from "@/lib/audio/group";
import { formatDuration } from "@/lib/format";

function timeRange(r: RecordingSummary, timeZone: string): string {
  const f = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", timeZone });
  const [from, to] = [f.format(new Date(r.startedAt)), f.format(new Date(r.endedAt))];
  return from === to ? from : `${from}–${to}`;
}

/** Recordings by day (viewer's zone), newest first; the selected one is marked current. */
export function RecordingList({
  items,
  timeZone,
  selectedId,
  onSelect,
}: {
  items: RecordingSummary[];
  timeZone: string;
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const groups = groupByDay(items, timeZone);
  return (
    <div className="space-y-5">
      {groups.map((g) => (
        <section key={g.day} aria-labelledby={`day-${g.day}`}>
          <h3 id={`day-${g.day}`} className="mb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
            {g.label}
          </h3>
          <ul className="space-y-1.5">
            {g.items.map((r) => {
              const selected = r.id === selectedId;
              const missing = r.gaps.reduce((s, gap) => s + gap.missingSeconds, 0);
              return (
                <li key={r.id}>
                  <button
                    type="button"
                    onClick={() => onSelect(r.id)}
                    aria-current={selected ? "true" : undefined}
                    className={`w-full rounded-lg border px-3 py-2 text-left focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 ${
                      selected
                        ? "border-accent-300 bg-accent-50 dark:border-accent-700 dark:bg-accent-900/40"
                        : "border-zinc-200 bg-white hover:bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:bg-zinc-800"
                    }`}
                  >
                    <span className="flex items-baseline justify-between gap-2">
                      <span className="tabular text-sm font-medium">{timeRange(r, timeZone)}</span>
                      <span className="tabular text-sm text-zinc-600 dark:text-zinc-400">{formatDuration(r.durationSeconds)}</span>
                    </span>
                    <span className="mt-0.5 flex items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400">
                      <span className="tabular">{r.sampleRate / 1000} kHz</span>
                      {r.gaps.length > 0 ? (
                        <span className="flex items-center gap-1 text-amber-700 dark:text-amber-300">
                          <AlertTriangle className="size-3" aria-hidden />
                          {r.gaps.length} {r.gaps.length === 1 ? "gap" : "gaps"}, {formatDuration(missing)} missing
                        </span>
                      ) : null}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
