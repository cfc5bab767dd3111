/**
 * `useTestDb()` gives the calling test file a fresh, migrated database: in-memory
 * PGlite by default, or a new database on the Postgres server the suite was started
 * against (TEST_BASE_DATABASE_URL), dropped afterwards. Call it at the top level of
 * the file, before anything touches the database.
 */
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll } from "vitest";

export function useTestDb(): void {
  const base = process.env.TEST_BASE_DATABASE_URL;
  let name: string | undefined;
  if (base) {
    name = `omihub_t_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
    const url = new URL(base);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
  }
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

/** Truncates every data table (between tests in one file). */
export async function resetTables(): Promise<void> {
  const { rows } = await import("@/db/client");
  const { sql } = await import("drizzle-orm");
  const tables = await rows<{ tablename: string }>(sql`select tablename from pg_tables where schemaname = 'public'`);
  if (tables.length) {
    await rows(sql.raw(`truncate ${tables.map((t) => `"${t.tablename}"`).join(", ")} restart identity cascade`));
  }
}
