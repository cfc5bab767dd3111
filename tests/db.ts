/**
 * `useTestDb()` gives the calling test file a fresh, migrated database: in-memory
 * PGlite by default, or a new database on the Postgres server the suite was started
 * against (TEST_BASE_DATABASE_URL), dropped afterwards. Call it at the top level of
 * the file; modules may be imported at the top as usual (the database opens lazily).
 */
import postgres from "postgres";
import { afterAll, beforeAll } from "vitest";

export function useTestDb(): void {
  const base = process.env.TEST_BASE_DATABASE_URL;
  // tests/setup-env.ts chose this file's database name before any import ran.
  const name = base && process.env.DATABASE_URL ? new URL(process.env.DATABASE_URL).pathname.slice(1) : undefined;
  beforeAll(async () => {
    if (base && name) {
      const admin = postgres(base, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database "${name}"`);
      await admin.end();
    }
    const { runMigrations } = await import("@/db/migrate");
    await runMigrations();
  });
  afterAll(async () => {
    const { closeDb } = await import("@/db/client");
    await closeDb();
    if (base && name) {
      const admin = postgres(base, { max: 1, onnotice: () => {} });
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  });
}

/**
 * Truncates every data table (between tests in one file). Sequences keep counting, as
 * in production, where ids are never reused (caches keyed by id rely on that).
 */
export async function resetTables(): Promise<void> {
  const { rows } = await import("@/db/client");
  const { sql } = await import("drizzle-orm");
  const tables = await rows<{ tablename: string }>(sql`select tablename from pg_tables where schemaname = 'public'`);
  if (tables.length) {
    await rows(sql.raw(`truncate ${tables.map((t) => `"${t.tablename}"`).join(", ")} cascade`));
  }
}
