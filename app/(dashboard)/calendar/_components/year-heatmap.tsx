/**
 * GitHub-style heatmap of the last 12 months: one column per week (Monday on top), a
 * square per day shaded by conversation minutes. Every square has a label; days with
 * a recap link to it (kept out of the tab order: the month labels and the month grid
 * below are the keyboard path). On a narrow screen it scrolls, newest week first in view.
 */
import Link from "next/link";
import { addDays, formatLongDate, formatShortMonth, monthOf, weekdayMondayFirst } from "@/lib/day-summaries/dates";
import { formatMinutes } from "@/lib/day-summaries/labels";
import { calendarHref, recapHref } from "@/lib/day-summaries/links";
import { shadeClass, shadeLevel } from "@/lib/day-summaries/shade";

export type HeatDay = { date: string; headline: string | null; minutes: number | null };

type Props = { today: string; days: HeatDay[]; uid: string | null; currentMonth: string };

/** The first Monday of the 53-week window ending today. */
export function heatmapStart(today: string): string {
  const from = addDays(today, -364);
  return addDays(from, -weekdayMondayFirst(from));
}

export function YearHeatmap({ today, days, uid, currentMonth }: Props) {
  const byDate = new Map<string, { minutes: number | null; headlines: string[] }>();
  for (const d of days) {
    const seen = byDate.get(d.date) ?? { minutes: null, headlines: [] };
    byDate.set(d.date, {
      minutes: d.minutes == null ? seen.minutes : (seen.minutes ?? 0) + d.minutes,
      headlines: [...seen.headlines, d.headline ?? "Day recap"],
    });
  }
  const start = heatmapStart(today);
  const weeks: string[][] = [];
  for (let monday = start; monday <= today; monday = addDays(monday, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(monday, i)));
  }
  const totalMinutes = [...byDate.values()].reduce((s, d) => s + (d.minutes ?? 0), 0);

  return (
    <figure className="min-w-0">
      <figcaption className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-base font-semibold">Last 12 months</h2>
        <span className="tabular text-sm text-zinc-600 dark:text-zinc-400">
          {byDate.size === 1 ? "1 recap" : `${byDate.size} recaps`} · {formatMinutes(totalMinutes)} of conversations
        </span>
      </figcaption>
      <div className="flex gap-2">
        <div aria-hidden className="grid shrink-0 grid-rows-[1rem_repeat(7,0.75rem)] gap-[3px] text-[10px] leading-3 text-zinc-500">
          <span />
          {["Mon", "", "Wed", "", "Fri", "", "Sun"].map((d, i) => (
            <span key={i}>{d}</span>
          ))}
        </div>
        {/* row-reverse: a scrolled container starts at its newest (right-hand) end */}
        <div className="flex min-w-0 flex-row-reverse gap-[3px] overflow-x-auto pb-2">
          {[...weeks].reverse().map((week) => {
            const firstOfMonth = week.find((d) => d.endsWith("-01") && d <= today);
            const month = firstOfMonth ? monthOf(firstOfMonth) : null;
            return (
              <div key={week[0]} className="grid shrink-0 grid-rows-[1rem_repeat(7,0.75rem)] gap-[3px]">
                {month ? (
                  <span className="relative">
                    <Link
                      href={calendarHref({ month, uid })}
                      aria-current={month === currentMonth ? "true" : undefined}
                      className={`absolute top-0 left-0 text-[10px] leading-3 whitespace-nowrap hover:underline ${
                        month === currentMonth ? "font-semibold text-accent-700 dark:text-accent-300" : "text-zinc-500"
                      }`}
                    >
                      {formatShortMonth(month)}
                    </Link>
                  </span>
                ) : (
                  <span />
                )}
                {week.map((date) => {
                  if (date > today) return <span key={date} />;
                  const day = byDate.get(date);
                  const level = shadeLevel(day?.minutes, !!day);
                  const square = `block size-3 rounded-[3px] border border-black/5 dark:border-white/5 ${shadeClass[level]}`;
                  if (!day) return <span key={date} role="img" aria-label={`${formatLongDate(date)}: no recap`} className={square} />;
                  const label = `${formatLongDate(date)}: ${day.minutes != null ? `${formatMinutes(day.minutes)}, ` : ""}${day.headlines.join("; ")}`;
                  return (
                    <Link
                      key={date}
                      href={recapHref({ date, uid })}
                      tabIndex={-1}
                      aria-label={label}
                      title={label}
                      className={`${square} hover:ring-2 hover:ring-accent-500`}
                    />
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
    </figure>
  );
}
