"use client";

/**
 * Successes and failures per hour (a sparkline people read faster than a table). Stacked SVG bars,
 * with a text summary as the accessible name and the numbers as a table for anyone
 * who would rather read them.
 */
import type { HourBucket } from "@/lib/api/schemas/deliveries";

const W = 480;
const H = 64;

function hourLabel(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}

export function HourlyChart({ hours }: { hours: HourBucket[] }) {
  const max = Math.max(1, ...hours.map((h) => h.ok + h.failed));
  const ok = hours.reduce((n, h) => n + h.ok, 0);
  const failed = hours.reduce((n, h) => n + h.failed, 0);
  const slot = W / Math.max(1, hours.length);
  const bar = Math.max(2, slot - 3);
  const label = `Deliveries per hour, last ${hours.length} hours: ${ok} succeeded, ${failed} failed.`;
  return (
    <figure className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <figcaption className="mb-2 flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">Last {hours.length} hours</span>
        <span className="flex items-center gap-3 text-xs text-zinc-600 dark:text-zinc-400">
          <span className="inline-flex items-center gap-1">
            <span className="inline-block size-2.5 rounded-sm bg-emerald-500" aria-hidden />
            <span className="tabular">{ok}</span> succeeded
          </span>
          <span className="inline-flex items-center gap-1">
            <span className="inline-block size-2.5 rounded-sm bg-red-500" aria-hidden />
            <span className="tabular">{failed}</span> failed
          </span>
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H + 1}`} className="h-16 w-full" role="img" aria-label={label} preserveAspectRatio="none">
        <line x1="0" x2={W} y1={H + 0.5} y2={H + 0.5} className="stroke-zinc-200 dark:stroke-zinc-700" strokeWidth="1" />
        {hours.map((h, i) => {
          const okH = (h.ok / max) * (H - 2);
          const failH = (h.failed / max) * (H - 2);
          const x = i * slot + (slot - bar) / 2;
          return (
            <g key={h.hour}>
              <title>{`${hourLabel(h.hour)}: ${h.ok} ok, ${h.failed} failed`}</title>
              {h.ok + h.failed === 0 ? <rect x={x} y={H - 1} width={bar} height={1} className="fill-zinc-200 dark:fill-zinc-700" /> : null}
              {h.ok > 0 ? <rect x={x} y={H - okH} width={bar} height={okH} rx="1" className="fill-emerald-500" /> : null}
              {h.failed > 0 ? <rect x={x} y={H - okH - failH} width={bar} height={failH} rx="1" className="fill-red-500" /> : null}
            </g>
          );
        })}
      </svg>
      {/* Hour labels in HTML: text inside a stretched SVG would be distorted. */}
      <div aria-hidden className="tabular relative mt-1 h-4 text-[10px] text-zinc-500 dark:text-zinc-400">
        {hours.map((h, i) =>
          i % 6 === 0 ? (
            <span key={h.hour} className="absolute top-0" style={{ left: `${(i / hours.length) * 100}%` }}>
              {hourLabel(h.hour)}
            </span>
          ) : null,
        )}
      </div>
      <details className="mt-1 text-xs">
        <summary className="cursor-pointer text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-400">Show as a table</summary>
        <div className="mt-2 max-h-48 overflow-auto">
          <table className="tabular w-full text-left">
            <thead>
              <tr className="text-zinc-500">
                <th scope="col" className="py-1 pr-4 font-medium">
                  Hour
                </th>
                <th scope="col" className="py-1 pr-4 font-medium">
                  Succeeded
                </th>
                <th scope="col" className="py-1 font-medium">
                  Failed
                </th>
              </tr>
            </thead>
            <tbody>
              {hours.map((h) => (
                <tr key={h.hour} className="border-t border-zinc-100 dark:border-zinc-800">
                  <td className="py-0.5 pr-4">{hourLabel(h.hour)}</td>
                  <td className="py-0.5 pr-4">{h.ok}</td>
                  <td className="py-0.5">{h.failed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
