"use client";

import { useId } from "react";
import type { AudioGap } from "@/db/schema";

/** Bars drawn, whatever the recording's length: each shows the loudest peak it covers. */
const BARS = 200;

export function barsFrom(peaks: Uint8Array, bars = BARS): number[] {
  if (peaks.length === 0) return [];
  const n = Math.min(bars, peaks.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const from = Math.floor((i * peaks.length) / n);
    const to = Math.max(from + 1, Math.floor(((i + 1) * peaks.length) / n));
    let max = 0;
    for (let j = from; j < to; j++) max = Math.max(max, peaks[j]!);
    // Square root: speech sits low in a linear scale; this keeps quiet parts visible.
    out.push(Math.sqrt(max / 255));
  }
  return out;
}

/**
 * The recording as bars, played part in the accent colour, gaps as red marks. Purely
 * visual: the slider semantics and keyboard handling live on the element around it.
 */
export function Waveform({ bars, progress, gaps, duration }: { bars: number[]; progress: number; gaps: AudioGap[]; duration: number }) {
  const clipId = useId();
  const n = Math.max(bars.length, 1);
  const shapes = bars.map((v, i) => {
    const h = Math.max(2, v * 96);
    return <rect key={i} x={i + 0.15} width={0.7} y={50 - h / 2} height={h} rx={0.3} />;
  });
  return (
    <svg viewBox={`0 0 ${n} 100`} preserveAspectRatio="none" className="block h-full w-full" aria-hidden>
      <defs>
        <clipPath id={clipId}>
          <rect x={0} y={0} width={n * progress} height={100} />
        </clipPath>
      </defs>
      <g className="fill-zinc-300 dark:fill-zinc-700">{shapes}</g>
      <g className="fill-accent-500 dark:fill-accent-400" clipPath={`url(#${clipId})`}>
        {shapes}
      </g>
      {duration > 0
        ? gaps.map((g) => (
            <rect
              key={g.atByte}
              x={(g.atSeconds / duration) * n - 0.4}
              width={0.8}
              y={0}
              height={100}
              className="fill-red-500 dark:fill-red-400"
            />
          ))
        : null}
      <rect x={n * progress - 0.25} width={0.5} y={0} height={100} className="fill-zinc-900 dark:fill-white" />
    </svg>
  );
}
