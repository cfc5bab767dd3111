/** File name of a downloaded recording, by its start in the viewer's time zone: omi-2026-11-21-1405.wav */
export function downloadName(startedAt: Date, timeZone?: string): string {
  let zone = "UTC";
  if (timeZone) {
    try {
      new Intl.DateTimeFormat("en", { timeZone });
      zone = timeZone;
    } catch {
      // unknown zone: keep UTC
    }
  }
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(startedAt)
      .map((p) => [p.type, p.value]),
  );
  return `omi-${parts.year}-${parts.month}-${parts.day}-${parts.hour}${parts.minute}.wav`;
}
