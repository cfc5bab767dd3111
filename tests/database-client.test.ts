/**
 * db/client.ts on Postgres (docs/ARCHITECTURE.md "Pooled mode"):
 * - direct: Drizzle's queries run as named statements (one round trip each instead of
 *   two), also inside transactions and savepoints;
 * - pooled (DATABASE_URL through a transaction pooler, DATABASE_URL_UNPOOLED set): no
 *   named statement ever, since the next transaction may land on another server
 *   connection that never saw it;
 * - either way, planned with the values every time (plan_cache_mode from the database
 *   default a migration sets, not a startup parameter a pooler would refuse): with
 *   generic plans a search for a common word took ~400 ms instead of ~30 ms at 100,000
 *   memories (docs/BENCHMARKS.md);
 * - except inside the ingest functions, which look rows up by unique keys and keep their
 *   plans (db/migrations 0008): re-planned on every call they cost ~0.5 ms more of
 *   Postgres CPU per memory delivery;
 * - pooled, statements never queue on a busy connection (pipelining), which a pooler
 *   answers only in part;
 * - a transaction whose COMMIT does not commit throws, instead of passing for success.
 * On PGlite there is nothing to check.
 */
import { describe, expect, it } from "vitest";
import { useTestDb } from "./db";

useTestDb();

const onPostgres = Boolean(process.env.DATABASE_URL);

describe.runIf(onPostgres)("the Postgres client", () => {
  it("plans every statement with its values, and names statements only when not pooled", async () => {
    const { db, rows, pooled } = await import("@/db/client");
    const { sql } = await import("drizzle-orm");
    expect(pooled).toBe(Boolean(process.env.DATABASE_URL_UNPOOLED));
    const [mode] = await rows<{ plan_cache_mode: string }>(sql`show plan_cache_mode`);
    expect(mode?.plan_cache_mode).toBe("force_custom_plan");
    for (let i = 0; i < 7; i++) {
      expect(await rows<{ n: number }>(sql`select ${i}::int as n`)).toEqual([{ n: i }]);
      const inTx = await db.transaction(async (tx) => {
        const nested = await tx.transaction(async (sp) => rows<{ n: number }>(sql`select ${i + 1}::int as n`, sp));
        return [...(await rows<{ n: number }>(sql`select ${i}::int as n`, tx)), ...nested];
      });
      expect(inTx).toEqual([{ n: i }, { n: i + 1 }]);
    }
    // Asked in a transaction, so the answer comes from the server connection that ran it.
    const named = await db.transaction(async (tx) => {
      await rows(sql`select ${1}::int as warm`, tx);
      return rows<{ named: number }>(sql`select count(*)::int as named from pg_prepared_statements where not from_sql`, tx);
    });
    if (pooled) expect(named[0]!.named).toBe(0);
    else expect(named[0]!.named).toBeGreaterThan(0);
  });

  it("lets the ingest functions keep their plans (they would otherwise re-plan every statement on every call)", async () => {
    const { rows } = await import("@/db/client");
    const { sql } = await import("drizzle-orm");
    const fns = await rows<{ name: string; config: string[] | null }>(
      sql`select proname as name, proconfig as config from pg_proc where proname like 'omi_ingest_%' order by proname`,
    );
    expect(fns.map((f) => f.name)).toEqual([
      "omi_ingest_audio",
      "omi_ingest_button",
      "omi_ingest_day_summary",
      "omi_ingest_memory",
      "omi_ingest_realtime",
    ]);
    for (const f of fns) expect(f.config, f.name).toContain("plan_cache_mode=auto");
    // The searches keep planning with their values.
    const [mode] = await rows<{ plan_cache_mode: string }>(sql`show plan_cache_mode`);
    expect(mode?.plan_cache_mode).toBe("force_custom_plan");
  });

  it("never wedges a connection with statements queued behind one another (pipelining through a pooler)", async () => {
    // postgres.js writes a statement onto a busy connection without waiting for the one
    // before it. A transaction pooler hands the server connection back at the first
    // ReadyForQuery, so the statements queued behind it were never answered: with
    // PgBouncer 1.18, 17 of 20 concurrent mixed statements on one connection hung for
    // ever (a live stream on Vercel went silent this way). Pooled mode does not pipeline.
    const { db, rows } = await import("@/db/client");
    const { sql } = await import("drizzle-orm");
    // Plain statements with and without parameters, and transactions with a savepoint.
    const statements = Array.from({ length: 80 }, (_, i) =>
      i % 5 === 4
        ? db.transaction(async (tx) => {
            await rows(sql`select ${i}::int as n`, tx);
            return tx.transaction(async (sp) => rows<{ n: number }>(sql`select ${i}::int as n`, sp));
          })
        : i % 2
          ? rows<{ n: number }>(sql`select ${i}::int as n`)
          : rows<{ n: number }>(sql`select 0 as n`),
    );
    const hung = Symbol("hung");
    const answers = await Promise.all(
      statements.map((s) => Promise.race([s, new Promise<typeof hung>((r) => setTimeout(() => r(hung), 15_000))])),
    );
    expect(answers.filter((a) => a === hung)).toHaveLength(0);
    expect(answers.map((a) => (a as { n: number }[])[0]!.n)).toEqual(Array.from({ length: 80 }, (_, i) => (i % 5 === 4 || i % 2 ? i : 0)));
  }, 30_000);

  it("survives a transaction whose connection dies: the caller gets a retryable error, the process and the pool carry on", async () => {
    const { db, rows } = await import("@/db/client");
    const { isDatabaseUnavailable } = await import("@/db/errors");
    const { sql } = await import("drizzle-orm");
    for (let round = 0; round < 3; round++) {
      const sleep = sql.raw(`select pg_sleep(4.0${round}) as slept`);
      // Settled into a value at once: it fails while the poll below runs.
      const attempt = db
        .transaction(async (tx) => {
          await rows(sql`select ${round}::int as n`, tx);
          // Round 1 dies inside a savepoint: no ROLLBACK TO may follow on the dead connection either.
          if (round === 1) await tx.transaction(async (sp) => rows(sleep, sp));
          else await rows(sleep, tx);
        })
        .then(
          () => "committed",
          (err: unknown) => err,
        );
      // The server ends that connection mid-statement, as a restart or a pooler dropping it would.
      await expect
        .poll(
          async () =>
            (
              await rows<{ ended: boolean }>(
                sql`select pg_terminate_backend(pid) as ended from pg_stat_activity
                    where query = ${`select pg_sleep(4.0${round}) as slept`} and pid <> pg_backend_pid()`,
              )
            ).length,
          { timeout: 3_000, interval: 50 },
        )
        .toBe(1);
      expect(isDatabaseUnavailable(await attempt), String(await attempt)).toBe(true);
      // A ROLLBACK or hand-back on the dead connection (what postgres.js's own sql.begin
      // does) throws inside the driver's write timer and ends the process: a test run
      // would stop here. postgres.js may still report the dead connection's error once
      // more, to the first statement that reconnects it: retryable (503), so Omi retries.
      const batch = () => Promise.allSettled(Array.from({ length: 12 }, (_, i) => rows<{ n: number }>(sql`select ${i}::int as n`)));
      for (const r of await batch()) {
        if (r.status === "rejected") expect(isDatabaseUnavailable(r.reason), String(r.reason)).toBe(true);
      }
      expect((await batch()).map((r) => (r.status === "fulfilled" ? r.value : String(r.reason)))).toEqual(
        Array.from({ length: 12 }, (_, i) => [{ n: i }]),
      );
      expect(await db.transaction(async (tx) => rows<{ n: number }>(sql`select ${round}::int as n`, tx))).toEqual([{ n: round }]);
    }
  }, 30_000);

  it("throws when a transaction that swallowed an error does not commit", async () => {
    const { db, rows } = await import("@/db/client");
    const { isDatabaseUnavailable } = await import("@/db/errors");
    const { sql } = await import("drizzle-orm");
    await rows(sql`create table if not exists commit_check (n int)`);
    const attempt = db.transaction(async (tx) => {
      await rows(sql`insert into commit_check values (1)`, tx);
      // What a pooler did to savepoints: the savepoint is gone when its rollback runs, so
      // that fails too, and the caller (like the old rules hook) swallows the failure.
      // The transaction is aborted; Postgres will answer its COMMIT with ROLLBACK.
      await tx
        .transaction(async (sp) => {
          await rows(sql.raw("release savepoint s0"), sp);
          await rows(sql`select 1/0`, sp);
        })
        .catch(() => {});
    });
    await expect(attempt).rejects.toSatisfy((err: unknown) => isDatabaseUnavailable(err));
    expect(await rows<{ n: number }>(sql`select count(*)::int as n from commit_check`)).toEqual([{ n: 0 }]);
  });
});
