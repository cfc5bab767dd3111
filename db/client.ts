/**
 * The one database client. Without DATABASE_URL: PGlite (embedded Postgres) persisted
 * under PGLITE_DIR; with it: postgres.js. The rest of the code sees one Drizzle `db`
 * and cannot tell which.
 *
 * Opened lazily on first use (so `next build` never opens the data directory) and
 * cached on globalThis so dev-mode hot reloads reuse one connection.
 */
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type { SQL } from "drizzle-orm";
import postgres from "postgres";
import { env } from "@/lib/env";
import { acquireDirLock, releaseDirLock } from "./pglite-lock";
import * as schema from "./schema";

export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either the database or an open transaction: query functions accept both. */
export type DbOrTx = Db | Tx;

/** The driver underneath, for the few things Drizzle does not cover (LISTEN/NOTIFY). */
export type Driver = { kind: "pglite"; client: PGlite } | { kind: "postgres"; client: postgres.Sql };

type Handle = { db: Db; driver: Driver; close: () => Promise<void> };

const globalForDb = globalThis as unknown as { __omiHubDb?: Handle };

function open(): Handle {
  if (env.DATABASE_URL) {
    const client = postgres(env.DATABASE_URL, {
      max: env.VERCEL ? 3 : 10,
      // Fail fast when the server is away, so webhooks answer 503 (Omi retries) instead of hanging.
      connect_timeout: 5,
      idle_timeout: 20,
      onnotice: () => {},
    });
    const db = drizzlePostgres(client, { schema });
    return { db, driver: { kind: "postgres", client }, close: () => client.end({ timeout: 5 }) };
  }
  const dir = env.PGLITE_DIR;
  const inMemory = dir.startsWith("memory://");
  if (!inMemory) acquireDirLock(dir);
  const client = new PGlite(inMemory ? dir : dir);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    driver: { kind: "pglite", client },
    close: async () => {
      if (!client.closed) await client.close();
      if (!inMemory) releaseDirLock(dir);
    },
  };
}

function handle(): Handle {
  globalForDb.__omiHubDb ??= open();
  return globalForDb.__omiHubDb;
}

/** Drizzle database. Lazily opened on first property access. */
export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const real = handle().db as unknown as Record<string | symbol, unknown>;
    const value = real[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});

/** The real Drizzle instance (for libraries that check its class, like the Auth.js adapter). */
export function realDb(): Db {
  return handle().db;
}

export function driver(): Driver {
  return handle().driver;
}

/** Rows of a raw SQL query, the same shape on both drivers. */
export async function rows<T = Record<string, unknown>>(query: SQL, on: DbOrTx = db): Promise<T[]> {
  const result = (await on.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export async function closeDb(): Promise<void> {
  const h = globalForDb.__omiHubDb;
  if (!h) return;
  globalForDb.__omiHubDb = undefined;
  await h.close();
}

export { schema };
