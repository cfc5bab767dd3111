/**
 * The one database client. Without DATABASE_URL: PGlite (embedded Postgres) persisted
 * under PGLITE_DIR; with it: postgres.js. The rest of the code sees one Drizzle `db`
 * and cannot tell which.
 *
 * Two ways to reach a Postgres server (docs/ARCHITECTURE.md "Pooled mode"):
 * - direct (the default): statements are prepared once per connection and named, so a
 *   query with parameters takes one round trip instead of two;
 * - pooled, when DATABASE_URL_UNPOOLED is set or on Vercel: DATABASE_URL is a
 *   transaction-mode pooler (PgBouncer, Supavisor, Neon), where consecutive
 *   transactions of one client land on different server connections. So: no named
 *   statements (postgres.js `prepare: false`, which also covers the savepoint and
 *   commit statements it writes itself), no pipelining (`max_pipeline: 0`), no startup
 *   parameters, no session state.
 *   Migrations and LISTEN use DATABASE_URL_UNPOOLED (`directUrl()`).
 *
 * Opened lazily on first use (so `next build` never opens the data directory) and
 * cached on globalThis so dev-mode hot reloads reuse one connection. PGlite (20 MB of
 * WASM) is loaded only when it is the database, so serverless bundles can leave it out
 * (next.config.ts excludes it from Vercel's file tracing).
 */
import "server-only";
import { createRequire } from "node:module";
import type { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import { reservedTransaction } from "./reserved-transaction";
import { acquireDirLock, releaseDirLock } from "./pglite-lock";
import * as schema from "./schema";

export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either the database or an open transaction: query functions accept both. */
export type DbOrTx = Db | Tx;

/** The driver underneath, for the few things Drizzle does not cover (LISTEN/NOTIFY, one-round-trip calls). */
export type Driver = { kind: "pglite"; client: PGlite } | { kind: "postgres"; client: postgres.Sql; pooled: boolean };

type Handle = { db: Db; driver: Driver; close: () => Promise<void> };

const globalForDb = globalThis as unknown as { __omiHubDb?: Handle; __omiHubTemplate?: Blob };

/**
 * Tests: the in-memory PGlite, when it opens, starts as a copy of this data directory dump
 * (a migrated database, tests/global-setup.ts) instead of empty.
 */
export function startInMemoryFrom(dump: Blob): void {
  if (globalForDb.__omiHubDb) throw new Error("The database is already open");
  globalForDb.__omiHubTemplate = dump;
}

/** True when DATABASE_URL goes through a transaction-mode pooler (see the header). */
export const pooled = Boolean(env.DATABASE_URL && (env.DATABASE_URL_UNPOOLED || env.VERCEL));

/** The connection for migrations and LISTEN: never through a transaction pooler. */
export function directUrl(): string | undefined {
  return env.DATABASE_URL_UNPOOLED ?? env.DATABASE_URL;
}

function open(): Handle {
  if (env.DATABASE_URL) {
    const client = postgres(env.DATABASE_URL, {
      max: env.VERCEL ? 3 : 10,
      // Pooled: every statement unnamed, postgres.js's own savepoint/commit statements included.
      prepare: !pooled,
      // Pooled: one statement at a time per connection. postgres.js otherwise writes a
      // statement onto a busy connection (pipelining); the pooler hands the server
      // connection back at the first ReadyForQuery and the statements behind it are
      // never answered: they hang, and so does everything queued after them.
      ...(pooled ? { max_pipeline: 0 } : {}),
      // Fail fast when the server is away, so webhooks answer 503 (Omi retries) instead of hanging.
      connect_timeout: 5,
      idle_timeout: 20,
      onnotice: () => {},
    });
    const db = drizzlePostgres(checkedClient(client, { named: !pooled }), { schema });
    return { db, driver: { kind: "postgres", client, pooled }, close: () => client.end({ timeout: 5 }) };
  }
  const dir = env.PGLITE_DIR;
  const inMemory = dir.startsWith("memory://");
  if (!inMemory) acquireDirLock(dir);
  // Loaded here, not imported at the top: see the header.
  const require = createRequire(import.meta.url);
  const { PGlite: PGliteClass } = require("@electric-sql/pglite") as typeof import("@electric-sql/pglite");
  const { drizzle: drizzlePglite } = require("drizzle-orm/pglite") as typeof import("drizzle-orm/pglite");
  const template = inMemory ? globalForDb.__omiHubTemplate : undefined;
  const client = template ? new PGliteClass(dir, { loadDataDir: template }) : new PGliteClass(dir);
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
 * The postgres.js client handed to Drizzle, with two changes:
 *
 * 1. Transactions run on a reserved connection and check their COMMIT
 *    (db/reserved-transaction.ts): Postgres answers COMMIT of a transaction that an
 *    earlier error aborted with the tag ROLLBACK, not an error, so a failure that some
 *    code caught (a savepoint's, say) would otherwise end in a silent rollback that the
 *    caller takes for success.
 * 2. `named`: Drizzle runs every query as `client.unsafe(text, params, { prepare:
 *    false })`, and for an unnamed statement with parameters postgres.js first asks the
 *    server for the parameter types (Parse/Describe, wait, then Bind/Execute): two
 *    round trips per query (drizzle-orm#6096). Named statements are described once per
 *    connection and cached, so later runs take one. Never in pooled mode.
 * A transaction hands Drizzle a new client (savepoints the same one), wrapped the same way.
 */
function checkedClient(sql: postgres.Sql, { named, inTransaction = false }: { named: boolean; inTransaction?: boolean }): postgres.Sql {
  return new Proxy(sql, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (prop === "unsafe" && named) {
        return (text: string, params?: unknown[], options?: postgres.UnsafeQueryOptions) =>
          target.unsafe(text, params as postgres.ParameterOrJSON<never>[], { ...options, prepare: true });
      }
      if (prop === "begin" && !inTransaction) {
        return (...args: unknown[]) =>
          reservedTransaction(target, args[args.length - 1] as (tx: postgres.Sql) => unknown, (tx) =>
            checkedClient(tx, { named, inTransaction: true }),
          );
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

export type ProcedureArg = { type: "jsonb" | "text"; value: string | null };

/**
 * Runs `select <fn>(args…)` as ONE statement in ONE round trip on every driver and
 * returns its (jsonb) result. Outside a transaction a single statement commits when it
 * succeeds, so a result means committed. The webhook hot path stores each delivery
 * this way (db/migrations: the omi_ingest_* functions; docs/ARCHITECTURE.md "One round
 * trip per delivery").
 *
 * - direct Postgres: a named statement, prepared once per connection (the arguments
 *   are already JSON/text, so postgres.js serialises nothing);
 * - pooled: the simple query protocol with the arguments inlined as dollar-quoted
 *   literals (an unnamed statement with parameters would take two round trips, see
 *   checkedClient); the tag is random and checked absent from the value, so no value
 *   can end its literal early;
 * - PGlite: a parameterised query in-process.
 */
export async function callProcedure<T>(fn: string, args: readonly ProcedureArg[]): Promise<T> {
  if (!/^[a-z_][a-z0-9_]*$/.test(fn)) throw new Error(`Not a procedure name: ${fn}`);
  const d = driver();
  if (d.kind === "pglite") {
    const placeholders = args.map((a, i) => `$${i + 1}::${a.type}`).join(", ");
    const result = await d.client.query<{ result: T }>(
      `select ${fn}(${placeholders}) as result`,
      args.map((a) => a.value),
    );
    return result.rows[0]!.result;
  }
  if (d.pooled) {
    const literals = args.map((a) => (a.value === null ? `null::${a.type}` : `${dollarQuote(a.value)}::${a.type}`)).join(", ");
    const [row] = await d.client.unsafe<{ result: T }[]>(`select ${fn}(${literals}) as result`);
    return row!.result;
  }
  const placeholders = args.map((a, i) => `$${i + 1}::${a.type}`).join(", ");
  const [row] = await d.client.unsafe<{ result: T }[]>(
    `select ${fn}(${placeholders}) as result`,
    args.map((a) => a.value),
    { prepare: true },
  );
  return row!.result;
}

/** A dollar-quoted SQL literal whose tag does not occur in the value. */
export function dollarQuote(value: string): string {
  if (value.includes("\u0000")) throw new Error("A SQL literal cannot hold U+0000");
  // "$tag" must not occur at all: a value ending in "$v" would otherwise close "$v$" early.
  let tag = "v";
  while (value.includes(`$${tag}`)) tag = `v${Math.random().toString(36).slice(2, 10)}`;
  return `$${tag}$${value}$${tag}$`;
}

export async function closeDb(): Promise<void> {
  const h = globalForDb.__omiHubDb;
  if (!h) return;
  globalForDb.__omiHubDb = undefined;
  await h.close();
}

export { schema };
