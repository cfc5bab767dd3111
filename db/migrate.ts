/**
 * Applies committed drizzle-kit migrations (db/migrations) to the configured database
 * and says what it applied. Exits non-zero on failure. Run before dev, start and tests.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
// The client (and so lib/env) is imported lazily, so a configuration error is printed
// as one clear line by main() instead of a stack trace at import time.

export const migrationsFolder = path.join(path.dirname(new URL(import.meta.url).pathname), "migrations");

type Journal = { entries: { idx: number; tag: string; when: number }[] };

async function appliedCount(): Promise<number> {
  const { rows } = await import("./client");
  try {
    const r = await rows<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    return r[0]?.n ?? 0;
  } catch {
    return 0;
  }
}

/** Applies pending migrations; returns the tags applied. */
export async function runMigrations(): Promise<string[]> {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8")) as Journal;
  const { db, driver } = await import("./client");
  const before = await appliedCount();
  const d = driver();
  if (d.kind === "pglite") {
    await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder });
  } else {
    // Quiet "already exists, skipping" notices from the migrations table DDL.
    await migratePostgres(db, { migrationsFolder });
  }
  const after = await appliedCount();
  return journal.entries.slice(before, after).map((e) => e.tag);
}

async function main() {
  const { env } = await import("@/lib/env");
  const target = env.DATABASE_URL ? `Postgres (${new URL(env.DATABASE_URL).host}${new URL(env.DATABASE_URL).pathname})` : `PGlite (${env.PGLITE_DIR})`;
  const started = Date.now();
  try {
    const applied = await runMigrations();
    const ms = Date.now() - started;
    console.log(
      applied.length
        ? `migrate: applied ${applied.length} migration(s) to ${target} in ${ms} ms: ${applied.join(", ")}`
        : `migrate: ${target} is up to date`,
    );
  } finally {
    const { closeDb } = await import("./client");
    await closeDb();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main().catch((err: unknown) => {
    console.error(`migrate: failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
