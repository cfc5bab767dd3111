/**
 * `useTestDb()` gives the calling test file a fresh, migrated database: in-memory
 * PGlite by default, or a new database on the Postgres server the suite was started
 * against (TEST_BASE_DATABASE_URL), dropped afterwards. Call it at the top level of
 * the file; modules may be imported at the top as usual (the database opens lazily).
 */
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";

export function useTestDb(): void {
  const base = process.env.TEST_BASE_DATABASE_URL;
  // tests/setup-env.ts chose this file's database name before any import ran.
  const name = base && process.env.DATABASE_URL ? new URL(process.env.DATABASE_URL).pathname.slice(1) : undefined;
  beforeAll(async () => {
    // A copy of the suite's migrated database (tests/global-setup.ts), or migrated here.
    const postgresTemplate = inject("postgresTemplate");
    const pgliteTemplate = inject("pgliteTemplate");
    if (base && name) {
      const admin = postgres(base, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database "${name}"${postgresTemplate ? ` template "${postgresTemplate}"` : ""}`);
      if (postgresTemplate) {
        // A copy does not carry the database's own settings (ALTER DATABASE … SET, which a
        // migration uses for plan_cache_mode): copy them too.
        const settings = await admin<{ setting: string }[]>`
          select unnest(s.setconfig) as setting from pg_db_role_setting s
          join pg_database d on d.oid = s.setdatabase where d.datname = ${postgresTemplate} and s.setrole = 0`;
        for (const { setting } of settings) {
          const [key, ...value] = setting.split("=");
          await admin.unsafe(`alter database "${name}" set ${key} = '${value.join("=").replace(/'/g, "''")}'`);
        }
      }
      await admin.end();
      if (postgresTemplate) return;
    } else if (pgliteTemplate) {
      const { startInMemoryFrom } = await import("@/db/client");
      startInMemoryFrom(new Blob([readFileSync(pgliteTemplate)]));
      return;
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
