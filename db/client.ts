/**
 * The one database client. Without DATABASE_URL: PGlite (embedded Postgres) persisted
 * under PGLITE_DIR; with it: postgres.js. The rest of the code sees one Drizzle `db`
 * and cannot tell which.
 *
 * Opened lazily on first use (so `next build` never opens the data directory) and
 * cached on globalThis so dev-mode hot reloads reuse one connection.
 */
import "server-only";
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
      // Named statements (below) would let Postgres switch to a generic plan after five
      // runs, one that ignores the values: a common search word then walks the GIN
      // index instead of the time index. Plan with the values every time, as unnamed
      // statements always are.
      ...(env.VERCEL ? {} : { connection: { plan_cache_mode: "force_custom_plan" } }),
      // Fail fast when the server is away, so webhooks answer 503 (Omi retries) instead of hanging.
      connect_timeout: 5,
      idle_timeout: 20,
      onnotice: () => {},
    });
    // Pooled serverless URLs (Vercel) may sit behind a transaction-mode pooler, where
    // named statements are not safe: keep Drizzle's unnamed ones there.
    const db = drizzlePostgres(env.VERCEL ? client : withNamedStatements(client), { schema });
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

/**
 * Drizzle runs every query as `client.unsafe(text, params, { prepare: false })`, and for
 * an unnamed statement with parameters postgres.js first asks the server for the
 * parameter types (Parse/Describe, wait, then Bind/Execute): two round trips per query
 * (drizzle-orm#6096). Named statements are described once per connection and cached, so
 * later runs take one. On this project's webhook path that halves the round trips
 * (measured in docs/BENCHMARKS.md). Transactions and savepoints hand Drizzle a new
 * client, so those are wrapped too. The cache lives as long as a connection
 * (idle_timeout, postgres.js's max_lifetime).
 */
function withNamedStatements(sql: postgres.Sql): postgres.Sql {
  return new Proxy(sql, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (prop === "unsafe") {
        return (text: string, params?: unknown[], options?: postgres.UnsafeQueryOptions) =>
          target.unsafe(text, params as postgres.ParameterOrJSON<never>[], { ...options, prepare: true });
      }
      if ((prop === "begin" || prop === "savepoint") && typeof value === "function") {
        return (...args: unknown[]) => {
          const last = args.length - 1;
          const fn = args[last] as (tx: postgres.Sql) => unknown;
          args[last] = (tx: postgres.Sql) => fn(withNamedStatements(tx));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return value;
    },
  });
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
