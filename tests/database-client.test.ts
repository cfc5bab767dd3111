/**
 * db/client.ts on Postgres runs Drizzle's queries as named statements (one round trip
 * each instead of two) and plans them with the actual values every time: with generic
 * plans, a search for a common word took ~400 ms instead of ~30 ms at 100,000 memories
 * (docs/BENCHMARKS.md). On PGlite there is nothing to check.
 */
import { expect, it } from "vitest";
import { useTestDb } from "./db";

useTestDb();

it.runIf(Boolean(process.env.DATABASE_URL))("plans every statement with its values, also inside transactions", async () => {
  const { db, rows } = await import("@/db/client");
  const { sql } = await import("drizzle-orm");
  const [mode] = await rows<{ plan_cache_mode: string }>(sql`show plan_cache_mode`);
  expect(mode?.plan_cache_mode).toBe("force_custom_plan");
  // The same parameterised statement, run repeatedly in and out of transactions, is prepared once per connection.
  for (let i = 0; i < 7; i++) {
    expect(await rows<{ n: number }>(sql`select ${i}::int as n`)).toEqual([{ n: i }]);
    const inTx = await db.transaction(async (tx) => {
      const nested = await tx.transaction(async (sp) => rows<{ n: number }>(sql`select ${i + 1}::int as n`, sp));
      return [...(await rows<{ n: number }>(sql`select ${i}::int as n`, tx)), ...nested];
    });
    expect(inTx).toEqual([{ n: i }, { n: i + 1 }]);
  }
  const prepared = await rows<{ named: number }>(sql`select count(*)::int as named from pg_prepared_statements where not from_sql`);
  expect(prepared[0]!.named).toBeGreaterThan(0);
});
