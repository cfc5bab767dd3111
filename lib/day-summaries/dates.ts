/**
 * Calendar dates as Omi sends them ("YYYY-MM-DD", no time, no zone) and months as
 * "YYYY-MM". All arithmetic is done on UTC midnights so no local zone or daylight
 * saving shift can move a day. Pure functions: safe in server and client components.
 */

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const monthPattern = /^(\d{4})-(\d{2})$/;

/** True for a real calendar date in YYYY-MM-DD form (2026-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  const m = datePattern.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && y >= 1970;
}

export function isIsoMonth(value: string): boolean {
  const m = monthPattern.exec(value);
  return !!m && Number(m[1]) >= 1970 && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

function toUtc(date: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function fromUtc(t: Date): string {
  return t.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const t = toUtc(date);
  t.setUTCDate(t.getUTCDate() + days);
  return fromUtc(t);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function addMonths(month: string, months: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const t = new Date(Date.UTC(y, m - 1 + months, 1));
  return fromUtc(t).slice(0, 7);
}

export function firstDayOfMonth(month: string): string {
  return `${month}-01`;
}

export function lastDayOfMonth(month: string): string {
  return addDays(firstDayOfMonth(addMonths(month, 1)), -1);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayMondayFirst(date: string): number {
  return (toUtc(date).getUTCDay() + 6) % 7;
}

/** Today's date where the account lives (its zone decides what "today" is). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  let zone = timeZone;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
  } catch {
    zone = "UTC";
  }
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/**
 * The weeks shown for a month, Monday first: each week is 7 dates, with days of the
 * neighbouring months as null so the grid keeps its shape.
 */
export function monthWeeks(month: string): (string | null)[][] {
  const first = firstDayOfMonth(month);
  const last = lastDayOfMonth(month);
  const weeks: (string | null)[][] = [];
  let week: (string | null)[] = Array.from({ length: weekdayMondayFirst(first) }, () => null);
  for (let d = first; d <= last; d = addDays(d, 1)) {
    week.push(d);
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);
  return weeks;
}

/** "21 November 2026" (day first, English month: stable across server and browser). */
export function formatLongDate(date: string): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(toUtc(date));
}

/** "Saturday, 21 November 2026". */
export function formatWeekdayDate(date: string): string {
  return new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    toUtc(date),
  );
}

/** "November 2026". */
export function formatMonth(month: string): string {
  return new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(toUtc(firstDayOfMonth(month)));
}

/** "Nov". */
export function formatShortMonth(month: string): string {
  return new Intl.DateTimeFormat("en-GB", { month: "short", timeZone: "UTC" }).format(toUtc(firstDayOfMonth(month)));
}

export const weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
