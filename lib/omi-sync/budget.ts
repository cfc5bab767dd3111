/**
 * Our own per-key call budget, well inside Omi's limits. Omi counts Developer API calls
 * per key in fixed hourly windows, one bucket per kind of call (plus an extra bucket
 * for any call with transcripts) and answers 429 + Retry-After when one is spent
 * (docs/OMI-DEVELOPER-API.md). We spend at most 80 % of each bucket per UTC hour, and
 * after a 429 we leave that bucket alone until Retry-After has passed. The counters
 * live on the key's row (compare-and-swap), so every process and function shares them.
 */
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { omiDevKeys, type OmiKeyBudget, type OmiSyncBucket } from "@/db/schema";
import { env } from "@/lib/env";
import { OmiDevApiError } from "./client";

/** Omi's base hourly limits per key (before its RATE_LIMIT_BOOST). */
export const omiHourlyLimits: Record<OmiSyncBucket, number> = {
  conversations: 60,
  conversation: 60,
  transcripts: 25,
  action_items: 120,
  action_item_writes: 120,
  facts: 120,
};

export function hourlyBudget(bucket: OmiSyncBucket): number {
  return Math.floor(omiHourlyLimits[bucket] * env.OMI_DEV_API_RATE_BOOST * 0.8);
}

/** Thrown instead of calling Omi: the budget (or Omi's Retry-After) says wait until `until`. */
export class BudgetWait extends Error {
  override name = "BudgetWait";
  constructor(
    readonly until: Date,
    readonly reason: "budget" | "rate_limited",
  ) {
    super(reason === "budget" ? "Our hourly budget of calls for this key is used up" : "Omi asked us to wait");
  }
}

const hourOf = (now: Date) => new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000).toISOString();

/** The next budget after one call in each bucket, or why there is none. Pure. */
export function spend(budget: OmiKeyBudget, buckets: OmiSyncBucket[], now: Date): { next: OmiKeyBudget } | { wait: BudgetWait } {
  const hour = hourOf(now);
  const used = budget.hour === hour ? { ...budget.used } : {};
  const blockedUntil = { ...budget.blockedUntil };
  for (const b of buckets) {
    const until = blockedUntil[b];
    if (until && new Date(until) > now) return { wait: new BudgetWait(new Date(until), "rate_limited") };
    if (until) delete blockedUntil[b];
    if ((used[b] ?? 0) >= hourlyBudget(b)) return { wait: new BudgetWait(new Date(new Date(hour).getTime() + 3_600_000), "budget") };
  }
  for (const b of buckets) used[b] = (used[b] ?? 0) + 1;
  return { next: { hour, used, ...(Object.keys(blockedUntil).length ? { blockedUntil } : {}) } };
}

async function swap(keyId: string, change: (budget: OmiKeyBudget) => { next: OmiKeyBudget } | { wait: BudgetWait }): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const [row] = await db.select({ budget: omiDevKeys.budget }).from(omiDevKeys).where(eq(omiDevKeys.id, keyId));
    if (!row) throw new OmiDevApiError("unauthorized", "This key was removed", null);
    const result = change(row.budget);
    if ("wait" in result) throw result.wait;
    const saved = await db
      .update(omiDevKeys)
      .set({ budget: result.next })
      .where(and(eq(omiDevKeys.id, keyId), sql`${omiDevKeys.budget} = ${JSON.stringify(row.budget)}::jsonb`))
      .returning({ id: omiDevKeys.id });
    if (saved.length) return;
  }
  throw new Error("The key's call budget changed under us five times in a row");
}

/**
 * Calls Omi within the key's budget: counts the call first (so a crash mid-call still
 * counts it), and after a 429 blocks the buckets until Omi's Retry-After.
 */
export async function withinBudget<T>(keyId: string, buckets: OmiSyncBucket[], fn: () => Promise<T>, now = new Date()): Promise<T> {
  await swap(keyId, (budget) => spend(budget, buckets, now));
  try {
    return await fn();
  } catch (err) {
    if (err instanceof OmiDevApiError && err.kind === "rate_limited") {
      const until = new Date(Date.now() + (err.extra.retryAfterSeconds ?? 60) * 1000).toISOString();
      await swap(keyId, (budget) => ({
        next: { ...budget, blockedUntil: { ...budget.blockedUntil, ...Object.fromEntries(buckets.map((b) => [b, until])) } },
      }));
    }
    throw err;
  }
}
