import { shadeClass, shadeLevels } from "@/lib/day-summaries/shade";

/** What each shade means, in words (colour is never the only signal). */
export function ShadeLegend({ className = "" }: { className?: string }) {
  return (
    <div className={`flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400 ${className}`}>
      <span className="font-medium">Conversation minutes:</span>
      <ul className="flex flex-wrap items-center gap-x-3 gap-y-1">
        {shadeLevels.map((s) => (
          <li key={s.level} className="flex items-center gap-1.5">
            <span
              aria-hidden
              className={`inline-block size-3 rounded-sm border border-black/5 dark:border-white/10 ${shadeClass[s.level]}`}
            />
            {s.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
