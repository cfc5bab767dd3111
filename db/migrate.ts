/**
 * Applies committed drizzle-kit migrations (db/migrations) to the configured database
 * and says what it applied. Exits non-zero on failure, naming the driver's own error.
 * Run before dev, start and tests (and Vercel production builds).
 *
 * On a Postgres server it uses its own single connection to `directUrl()`
 * (DATABASE_URL_UNPOOLED when set): DDL, advisory locks and session settings of the
 * migrator do not belong on a transaction pooler.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import postgres from "postgres";
// The client (and so lib/env) is imported lazily, so a configuration error is printed
// as one clear line by main() instead of a stack trace at import time.

export const migrationsFolder = path.join(path.dirname(new URL(import.meta.url).pathname), "migrations");

type Journal = { entries: { idx: number; tag: string; when: number }[] };

const appliedCountQuery = sql`select count(*)::int as n from drizzle.__drizzle_migrations`;

/** Applies pending migrations; returns the tags applied. */
export async function runMigrations(): Promise<string[]> {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8")) as Journal;
  const { db, driver, directUrl, rows } = await import("./client");
  const url = directUrl();
  if (!url || driver().kind === "pglite") {
    const count = async () => (await rows<{ n: number }>(appliedCountQuery).catch(() => [{ n: 0 }]))[0]?.n ?? 0;
    const before = await count();
    await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder });
    return journal.entries.slice(before, await count()).map((e) => e.tag);
  }
  const client = postgres(url, { max: 1, connect_timeout: 10, onnotice: () => {} });
  try {
    const direct = drizzlePostgres(client);
    const count = async () => {
      try {
        const [row] = await client<{ n: number }[]>`select count(*)::int as n from drizzle.__drizzle_migrations`;
        return row?.n ?? 0;
      } catch {
        return 0;
      }
    };
    const before = await count();
    await migratePostgres(direct, { migrationsFolder });
    return journal.entries.slice(before, await count()).map((e) => e.tag);
  } finally {
    await client.end({ timeout: 5 });
  }
}

async function main() {
  const { env } = await import("@/lib/env");
  const { directUrl } = await import("./client");
  const url = directUrl();
  const target = url ? `Postgres (${new URL(url).host}${new URL(url).pathname})` : `PGlite (${env.PGLITE_DIR})`;
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
  main().catch(async (err: unknown) => {
    const { describeDbError } = await import("./errors");
    // The driver's own words (e.g. "unsupported startup parameter"), not only "Failed query: …".
    console.error(`migrate: failed: ${describeDbError(err)}`);
    process.exit(1);
  });
}
