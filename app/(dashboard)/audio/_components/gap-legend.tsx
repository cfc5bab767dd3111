import type { AudioGap } from "@/db/schema";
import { formatOffset } from "@/lib/format";

/** Says in words what the red marks on the waveform are (colour is never the only signal). */
export function GapLegend({ gaps }: { gaps: AudioGap[] }) {
  if (gaps.length === 0) return null;
  return (
    <div className="mt-3 text-sm text-zinc-700 dark:text-zinc-300">
      <p className="flex items-center gap-2">
        <span aria-hidden className="inline-block h-3 w-1 rounded-sm bg-red-500 dark:bg-red-400" />
        Missing audio: Omi did not deliver it, so the recording skips over it.
      </p>
      <ul className="tabular mt-1 ml-3 list-disc pl-4 text-xs text-zinc-600 dark:text-zinc-400">
        {gaps.map((g) => (
          <li key={g.atByte}>
            about {Math.round(g.missingSeconds * 10) / 10} s missing at {formatOffset(g.atSeconds)}
          </li>
        ))}
      </ul>
    </div>
  );
}
