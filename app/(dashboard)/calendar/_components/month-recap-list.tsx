import Link from "next/link";
import { formatWeekdayDate } from "@/lib/day-summaries/dates";
import { formatMinutes, shortUid } from "@/lib/day-summaries/labels";
import { recapHref } from "@/lib/day-summaries/links";
import type { GridDay } from "./month-grid";

/** The month's recaps as a list: the headlines in full (a phone's grid has room only for emoji). */
export function MonthRecapList({ days, showUid, monthName }: { days: GridDay[]; showUid: boolean; monthName: string }) {
  return (
    <section aria-labelledby="month-list-heading" className="mt-8">
      <h2 id="month-list-heading" className="mb-3 text-base font-semibold">
        Recaps in {monthName}
      </h2>
      {days.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No recaps this month.</p>
      ) : (
        <ul className="divide-y divide-zinc-200 overflow-hidden rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
          {days.map((d) => (
            <li key={`${d.date}-${d.uid}`}>
              <Link
                href={recapHref({ date: d.date, uid: showUid ? d.uid : null })}
                className="flex items-center gap-3 px-4 py-3 hover:bg-zinc-50 dark:hover:bg-zinc-800/60"
              >
                <span aria-hidden className="text-2xl leading-none">
                  {d.dayEmoji ?? "📅"}
                </span>
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium">{d.headline ?? "Day recap"}</span>
                  <span className="tabular block text-xs text-zinc-500 dark:text-zinc-400">
                    {formatWeekdayDate(d.date)}
                    {d.minutes != null ? ` · ${formatMinutes(d.minutes)}` : ""}
                    {showUid ? <span className="font-mono"> · Omi {shortUid(d.uid)}</span> : null}
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
