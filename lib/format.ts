/**
 * Display formatting shared by every page, so every page reads the same: durations as 1:05:30, relative
 * times for recent moments with the exact time for hover, all in the viewer's zone.
 * Pure functions: safe in server and client components.
 */

/** 65 → "1:05", 3930 → "1:05:30". */
export function formatDuration(totalSeconds: number | null | undefined): string {
  if (totalSeconds == null || !Number.isFinite(totalSeconds) || totalSeconds < 0) return "–";
  const s = Math.round(totalSeconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m)}:${pad(sec)}` : `${m}:${pad(sec)}`;
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "3 min ago", "yesterday", "in 2 hours"; "just now" under a minute. */
export function formatRelative(date: Date | string | number, now: number = Date.now()): string {
  const t = new Date(date).getTime();
  const diff = (t - now) / 1000;
  const abs = Math.abs(diff);
  if (abs < 45) return "just now";
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: "auto", style: "short" });
  for (const [unit, seconds] of units) {
    if (abs >= seconds * 0.9 || unit === "minute") return rtf.format(Math.round(diff / seconds), unit);
  }
  return rtf.format(Math.round(diff / 60), "minute");
}

/** "21 Nov 2026, 14:05" in the viewer's zone (or the zone given). */
export function formatDateTime(date: Date | string | number, timeZone?: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(date));
}

export function formatTime(date: Date | string | number, timeZone?: string): string {
  return new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", timeZone }).format(new Date(date));
}

/** Seconds within a recording or session: 75.4 → "1:15". */
export function formatOffset(seconds: number): string {
  return formatDuration(Math.max(0, Math.floor(seconds)));
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const u = ["KB", "MB", "GB", "TB"];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < u.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${u[i]}`;
}
