/** Short texts the calendar and recap pages share. */

/** Omi uids are 28 random characters: the first few are enough to tell two apart. */
export function shortUid(uid: string): string {
  return uid.length > 10 ? `${uid.slice(0, 8)}…` : uid;
}

/** 71 → "1 h 11 min", 45 → "45 min", 120 → "2 h". */
export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes == null || !Number.isFinite(minutes) || minutes < 0) return "–";
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  return rest ? `${h} h ${rest} min` : `${h} h`;
}
