"use client";

/**
 * The month grid, following the ARIA grid pattern: one tab stop; arrow keys move by
 * day and week, Home/End to the week's ends, Page Up/Page Down to the previous/next
 * month (moving off the month loads the neighbouring one and keeps the focus on the
 * same day). A day with a recap is a link named "12 March 2026: <headline>" and shows
 * the headline in a tooltip on hover and on focus; a day without one quietly says so.
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import {
  addDays,
  addMonths,
  formatLongDate,
  lastDayOfMonth,
  monthOf,
  monthWeeks,
  weekdayMondayFirst,
  weekdayNames,
} from "@/lib/day-summaries/dates";
import { formatMinutes, shortUid } from "@/lib/day-summaries/labels";
import { calendarHref, recapHref } from "@/lib/day-summaries/links";
import { shadeClass, shadeLevel } from "@/lib/day-summaries/shade";

export type GridDay = { date: string; uid: string; headline: string | null; dayEmoji: string | null; minutes: number | null };

type Props = {
  month: string;
  today: string;
  days: GridDay[];
  /** The uid filter in the URL, kept when moving between months and into a recap. */
  uid: string | null;
  /** The account has recaps for several uids: say which one each recap is for. */
  showUid: boolean;
  keysHelpId: string;
};

function clampToMonth(date: string, month: string): string {
  const last = lastDayOfMonth(month);
  return date > last ? last : date;
}

export function MonthGrid({ month, today, days, uid, showUid, keysHelpId }: Props) {
  const router = useRouter();
  const byDate = new Map<string, GridDay[]>();
  for (const d of days) byDate.set(d.date, [...(byDate.get(d.date) ?? []), d]);

  const defaultDate = monthOf(today) === month ? today : (days[0]?.date ?? `${month}-01`);
  const [chosen, setChosen] = useState<string>(defaultDate);
  const active = monthOf(chosen) === month ? chosen : defaultDate;
  const cells = useRef(new Map<string, HTMLElement>());
  const pendingFocus = useRef<string | null>(null);

  // After a keyboard move into another month, focus the day once that month has rendered.
  useEffect(() => {
    const date = pendingFocus.current;
    if (date && monthOf(date) === month) {
      pendingFocus.current = null;
      cells.current.get(date)?.focus();
    }
  }, [month]);

  function moveTo(date: string) {
    setChosen(date);
    if (monthOf(date) === month) {
      cells.current.get(date)?.focus();
    } else {
      pendingFocus.current = date;
      router.push(calendarHref({ month: monthOf(date), uid }), { scroll: false });
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLElement>, date: string) {
    const weekday = weekdayMondayFirst(date);
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(date, -1),
      ArrowRight: () => addDays(date, 1),
      ArrowUp: () => addDays(date, -7),
      ArrowDown: () => addDays(date, 7),
      Home: () => addDays(date, -weekday),
      End: () => addDays(date, 6 - weekday),
      PageUp: () => {
        const m = addMonths(month, -1);
        return clampToMonth(`${m}${date.slice(7)}`, m);
      },
      PageDown: () => {
        const m = addMonths(month, 1);
        return clampToMonth(`${m}${date.slice(7)}`, m);
      },
    };
    const move = moves[e.key];
    if (!move || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    moveTo(move());
  }

  const weeks = monthWeeks(month);

  return (
    <div role="grid" aria-label="Days of the month" aria-describedby={keysHelpId} className="w-full">
      <div role="row" className="grid grid-cols-7 gap-1 pb-1">
        {weekdayNames.map((name) => (
          <div
            key={name}
            role="columnheader"
            aria-label={name}
            className="text-center text-xs font-medium text-zinc-500 dark:text-zinc-400"
          >
            <span aria-hidden>{name.slice(0, 3)}</span>
          </div>
        ))}
      </div>
      {weeks.map((week, w) => (
        <div role="row" key={w} className="grid grid-cols-7 gap-1 pb-1">
          {week.map((date, i) =>
            date ? (
              <DayCell
                key={date}
                date={date}
                recaps={byDate.get(date) ?? []}
                isToday={date === today}
                tabIndex={date === active ? 0 : -1}
                uid={uid}
                showUid={showUid}
                register={(el) => {
                  if (el) cells.current.set(date, el);
                  else cells.current.delete(date);
                }}
                onKeyDown={(e) => onKeyDown(e, date)}
                onFocus={() => setChosen(date)}
              />
            ) : (
              <div role="gridcell" key={`pad-${w}-${i}`} className="min-h-16 sm:min-h-24" />
            ),
          )}
        </div>
      ))}
    </div>
  );
}

type CellProps = {
  date: string;
  recaps: GridDay[];
  isToday: boolean;
  tabIndex: number;
  uid: string | null;
  showUid: boolean;
  register: (el: HTMLElement | null) => void;
  onKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
  onFocus: () => void;
};

function DayCell({ date, recaps, isToday, tabIndex, uid, showUid, register, onKeyDown, onFocus }: CellProps) {
  const dayNumber = Number(date.slice(8));
  const minutes = recaps.reduce<number | null>((sum, r) => (r.minutes == null ? sum : (sum ?? 0) + r.minutes), null);
  const level = shadeLevel(minutes, recaps.length > 0);
  const base = `group relative flex h-full min-h-16 w-full flex-col rounded-lg p-1.5 text-left outline-offset-2 sm:min-h-24 sm:p-2 ${
    isToday ? "ring-2 ring-accent-600 dark:ring-accent-300" : ""
  }`;
  const dayLabel = (
    <span className="flex items-center justify-between gap-1">
      <span className={`tabular text-xs font-semibold ${isToday ? "text-accent-700 dark:text-accent-200" : ""}`}>{dayNumber}</span>
      {isToday ? (
        <span className="hidden text-[10px] font-medium uppercase tracking-wide text-accent-700 sm:inline dark:text-accent-200">Today</span>
      ) : null}
    </span>
  );
  const todayText = isToday ? " (today)" : "";

  if (recaps.length === 0) {
    return (
      <div
        role="gridcell"
        ref={register}
        tabIndex={tabIndex}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        aria-current={isToday ? "date" : undefined}
        aria-label={`${formatLongDate(date)}${todayText}: no recap`}
        className={`${base} min-w-0 border border-zinc-200 bg-white text-zinc-400 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-500`}
      >
        {dayLabel}
        <span className="mt-auto hidden text-[11px] italic sm:block">no recap</span>
      </div>
    );
  }

  const name = recaps.map((r) => `${r.headline ?? "Day recap"}${showUid ? ` (Omi ${shortUid(r.uid)})` : ""}`).join("; ");
  const tooltipId = `tip-${date}`;
  // Keep the tooltip inside the grid at its edges.
  const column = weekdayMondayFirst(date);
  const tipPosition = column < 2 ? "left-0" : column > 4 ? "right-0" : "left-1/2 -translate-x-1/2";
  return (
    <div role="gridcell" className="min-w-0">
      <Link
        ref={register}
        href={recapHref({ date, uid: uid ?? (recaps.length === 1 && showUid ? recaps[0]!.uid : null) })}
        tabIndex={tabIndex}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        aria-current={isToday ? "date" : undefined}
        aria-label={`${formatLongDate(date)}${todayText}: ${name}`}
        aria-describedby={tooltipId}
        className={`${base} ${shadeClass[level]} text-zinc-900 hover:brightness-95 dark:text-zinc-50 dark:hover:brightness-110`}
      >
        {dayLabel}
        <span className="mt-1 flex flex-1 flex-wrap content-start items-center gap-0.5 sm:mt-1.5">
          {recaps.slice(0, 2).map((r) => (
            <span key={r.uid} aria-hidden className="text-lg leading-none sm:text-2xl">
              {r.dayEmoji ?? "📅"}
            </span>
          ))}
        </span>
        {showUid ? (
          <span aria-hidden className="hidden truncate font-mono text-[10px] text-zinc-600 sm:block dark:text-zinc-300">
            {recaps.map((r) => shortUid(r.uid)).join(", ")}
          </span>
        ) : null}
        <span aria-hidden className="tabular hidden text-[11px] text-zinc-700 sm:block dark:text-zinc-200">
          {minutes != null ? formatMinutes(minutes) : ""}
        </span>
        <span
          id={tooltipId}
          role="tooltip"
          className={`pointer-events-none absolute bottom-full z-30 mb-2 hidden w-56 max-w-[80vw] rounded-lg ${tipPosition} bg-zinc-900 px-3 py-2 text-xs font-normal text-white shadow-lg group-hover:block group-focus-visible:block dark:bg-zinc-100 dark:text-zinc-900`}
        >
          {recaps.map((r) => (
            <span key={r.uid} className="block">
              <span className="font-semibold">{r.headline ?? "Day recap"}</span>
              {showUid ? <span className="block font-mono opacity-75">Omi {shortUid(r.uid)}</span> : null}
              {r.minutes != null ? <span className="tabular block opacity-75">{formatMinutes(r.minutes)} of conversations</span> : null}
            </span>
          ))}
        </span>
      </Link>
    </div>
  );
}
