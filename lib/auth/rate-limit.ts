/**
 * Fixed-window counters in Postgres (works across instances, survives restarts).
 * Used for sign-in attempts (per email and address pair, per address), link codes and
 * sample data. Keys include client addresses, so stale rows are pruned hourly.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { rows } from "@/db/client";

export type Limit = { key: string; max: number; windowSeconds: number };

/** Counts one attempt; returns whether it is allowed and when the window resets. */
export async function hit({ key, max, windowSeconds }: Limit): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const [row] = await rows<{ count: number; window_start: Date | string }>(sql`
    insert into rate_limits (key, window_start, count) values (${key}, now(), 1)
    on conflict (key) do update set
      count = case when rate_limits.window_start < now() - make_interval(secs => ${windowSeconds}) then 1 else rate_limits.count + 1 end,
      window_start = case when rate_limits.window_start < now() - make_interval(secs => ${windowSeconds}) then now() else rate_limits.window_start end
    returning count, window_start`);
  const count = Number(row?.count ?? 1);
  const started = new Date(row?.window_start ?? Date.now()).getTime();
  const retryAfterSeconds = Math.max(1, Math.ceil((started + windowSeconds * 1000 - Date.now()) / 1000));
  return { allowed: count <= max, retryAfterSeconds };
}

export async function reset(key: string): Promise<void> {
  await rows(sql`delete from rate_limits where key = ${key}`);
}

/** No limit uses a window longer than this; older counters are finished and can go. */
const longestWindowSeconds = 24 * 3600;

/** Deletes counters whose window ended long ago (hourly maintenance). */
export async function pruneRateLimits(): Promise<number> {
  const deleted = await rows(
    sql`delete from rate_limits where window_start < now() - make_interval(secs => ${longestWindowSeconds}) returning key`,
  );
  return deleted.length;
}
