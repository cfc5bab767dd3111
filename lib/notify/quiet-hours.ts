/**
 * Per-account quiet hours: "HH:MM"–"HH:MM" in the account's IANA time zone, possibly
 * across midnight (22:00–07:00). Pure, so the limits and the page share it.
 */
export const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;

const toMinutes = (value: string) => Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));

/** Minutes since local midnight at `now` in `timeZone` (UTC when the zone is unknown). */
export function localMinutes(now: Date, timeZone: string): number {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(now);
  } catch {
    parts = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(now);
  }
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get("hour") * 60 + get("minute");
}

export type QuietHours = { start: string | null; end: string | null; timeZone: string };

/** When `now` falls in the quiet hours: the moment they end; otherwise null. */
export function quietUntil({ start, end, timeZone }: QuietHours, now: Date): Date | null {
  if (!start || !end || !hhmm.test(start) || !hhmm.test(end) || start === end) return null;
  const s = toMinutes(start);
  const e = toMinutes(end);
  const t = localMinutes(now, timeZone);
  const quiet = s < e ? t >= s && t < e : t >= s || t < e;
  if (!quiet) return null;
  const minutesLeft = (e - t + 1440) % 1440;
  const until = new Date(now.getTime() + minutesLeft * 60_000);
  until.setSeconds(0, 0);
  return until;
}
