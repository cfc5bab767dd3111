/** URLs of the calendar and recap pages, with their URL state (?month=YYYY-MM&uid=). */

export function calendarHref({ month, uid }: { month?: string; uid?: string | null }): string {
  const q = new URLSearchParams();
  if (month) q.set("month", month);
  if (uid) q.set("uid", uid);
  const s = q.toString();
  return s ? `/calendar?${s}` : "/calendar";
}

export function recapHref({ date, uid }: { date: string; uid?: string | null }): string {
  return uid ? `/calendar/${date}?uid=${encodeURIComponent(uid)}` : `/calendar/${date}`;
}
