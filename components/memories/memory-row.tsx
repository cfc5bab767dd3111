import { Clock, ListChecks, Smartphone } from "lucide-react";
import Link from "next/link";
import type { MemorySummary } from "@/lib/api/schemas/memories";
import { formatDuration } from "@/lib/format";
import { CategoryChip } from "./category-chip";
import { RelativeTime } from "./relative-time";
import { Snippet } from "./snippet";

/** One memory in the list: the whole card is the link to its page. */
export function MemoryRow({ memory, showUid }: { memory: MemorySummary; showUid: boolean }) {
  return (
    <li>
      <Link
        href={`/memories/${memory.id}`}
        className="group flex gap-3 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm transition-colors hover:border-accent-300 hover:bg-accent-50/40 sm:gap-4 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-accent-700 dark:hover:bg-zinc-800/60"
      >
        <span aria-hidden className="flex size-10 shrink-0 items-center justify-center rounded-lg bg-zinc-100 text-xl dark:bg-zinc-800">
          {memory.emoji}
        </span>
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
            <h2 className="min-w-0 truncate font-semibold text-zinc-900 group-hover:text-accent-700 dark:text-zinc-100 dark:group-hover:text-accent-300">
              {memory.title || "Untitled memory"}
            </h2>
            <RelativeTime iso={memory.startedAt ?? memory.listedAt} className="shrink-0 text-xs text-zinc-500 dark:text-zinc-400" />
          </div>
          <Snippet parts={memory.snippet} className="mt-1 line-clamp-2 text-sm text-zinc-600 dark:text-zinc-400" />
          <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1.5 text-xs text-zinc-500 dark:text-zinc-400">
            <CategoryChip category={memory.category} />
            <span className="inline-flex items-center gap-1 tabular" title="Duration">
              <Clock className="size-3.5" aria-hidden />
              <span className="sr-only">Duration </span>
              {formatDuration(memory.durationSeconds)}
            </span>
            {memory.actionItemCount > 0 ? (
              <span className="inline-flex items-center gap-1 tabular">
                <ListChecks className="size-3.5" aria-hidden />
                {memory.actionItemCount} action item{memory.actionItemCount === 1 ? "" : "s"}
              </span>
            ) : null}
            {showUid ? (
              <span className="inline-flex items-center gap-1 font-mono" title="Omi account (uid) it came from">
                <Smartphone className="size-3.5" aria-hidden />
                {memory.uid.slice(0, 8)}
              </span>
            ) : null}
            {memory.discarded ? <span className="rounded-full bg-zinc-100 px-2 py-0.5 font-medium dark:bg-zinc-800">Discarded</span> : null}
          </div>
        </div>
      </Link>
    </li>
  );
}
