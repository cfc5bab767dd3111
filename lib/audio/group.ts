/** Recordings grouped by the calendar day they started on, in the viewer's time zone. */
export type DayGroup<T> = { day: string; label: string; items: T[] };

function dayKey(date: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}

/** Keeps the input order (newest first) inside and across days. */
export function groupByDay<T extends { startedAt: string }>(items: T[], timeZone: string, now: Date = new Date()): DayGroup<T>[] {
  const today = dayKey(now, timeZone);
  const yesterday = dayKey(new Date(now.getTime() - 86_400_000), timeZone);
  const groups: DayGroup<T>[] = [];
  for (const item of items) {
    const date = new Date(item.startedAt);
    const day = dayKey(date, timeZone);
    let group = groups.at(-1);
    if (!group || group.day !== day) {
      const label =
        day === today
          ? "Today"
          : day === yesterday
            ? "Yesterday"
            : new Intl.DateTimeFormat(undefined, { timeZone, weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(
                date,
              );
      group = { day, label, items: [] };
      groups.push(group);
    }
    group.items.push(item);
  }
  return groups;
}
