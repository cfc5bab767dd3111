/**
 * Every Postgres transaction (direct and pooled, docs/ARCHITECTURE.md "Pooled mode")
 * runs on a connection reserved from postgres.js for its whole length: BEGIN, the
 * statements, savepoints and COMMIT, whose tag is checked (Postgres answers COMMIT of a
 * transaction that an earlier, caught error aborted with ROLLBACK, not with an error).
 *
 * Why not postgres.js's own `sql.begin`:
 * - checking COMMIT means sending it ourselves, and `sql.begin` takes the first idle
 *   ReadyForQuery on its connection for the end of the transaction: the connection went
 *   back to the pool while postgres.js's own COMMIT still waited on it, and under
 *   concurrency that COMMIT never ran (6 of 16 transactions hung in
 *   tests/database-client.test.ts);
 * - pooled mode turns pipelining off (`max_pipeline: 0`, db/client.ts), and with that
 *   setting `sql.begin` never marks its connection as taken and fails with
 *   UNSAFE_TRANSACTION (one condition in postgres.js guards both).
 * A reserved connection is taken by construction, and a pooler keeps one server
 * connection for the transaction because it is open.
 */
import type postgres from "postgres";
import { endsConnection, TransactionNotCommitted } from "./errors";

type Body<T> = (tx: postgres.Sql) => T | Promise<T>;

export async function reservedTransaction<T>(sql: postgres.Sql, body: Body<T>, wrap: (tx: postgres.Sql) => postgres.Sql): Promise<T> {
  const conn = watched(await sql.reserve());
  try {
    await conn.unsafe("begin");
    const result = await body(transactionClient(conn, wrap));
    const done = await conn.unsafe("commit");
    if (done.command !== "COMMIT") throw new TransactionNotCommitted(done.command);
    conn.release();
    return result;
  } catch (err) {
    // A lost connection is already back in postgres.js's pool as closed (it reconnects
    // on next use): a ROLLBACK or release() on it would write to a socket that is gone
    // and crash the process. Otherwise roll back (after a failed COMMIT there is no
    // transaction left and ROLLBACK only warns) and hand the connection back.
    if (!conn.lost) {
      await conn.unsafe("rollback").catch(() => {});
      if (!conn.lost) conn.release();
    }
    throw err;
  }
}

type Watched = postgres.ReservedSql & { readonly lost: boolean };

/**
 * The reserved connection, noting when one of ITS statements failed because the
 * connection ended (an error of this connection, not one the body met elsewhere, which
 * must not stop the rollback and release).
 */
function watched(conn: postgres.ReservedSql): Watched {
  let lost = false;
  const unsafe = (...args: Parameters<postgres.ReservedSql["unsafe"]>) => {
    // postgres.js settles a statement through its Query's own `reject` (src/query.js), and
    // the Query runs only when awaited, so observing it here changes nothing about when.
    const query = conn.unsafe(...args) as ReturnType<postgres.ReservedSql["unsafe"]> & { reject: (err: unknown) => void };
    const reject = query.reject;
    query.reject = (err: unknown) => {
      if (endsConnection(err)) lost = true;
      reject(err);
    };
    return query;
  };
  return new Proxy(conn, {
    get(target, prop, receiver) {
      if (prop === "lost") return lost;
      if (prop === "unsafe") return unsafe;
      return Reflect.get(target, prop, receiver) as unknown;
    },
  }) as Watched;
}

/**
 * The reserved connection as Drizzle's transaction client, passed through `wrap` (the
 * caller's own client changes); `savepoint(fn)` nests and hands `fn` the same client.
 * A failed savepoint rethrows its own error: if rolling back to it fails too, the
 * transaction is aborted and its COMMIT check refuses it.
 */
function transactionClient(conn: Watched, wrap: (tx: postgres.Sql) => postgres.Sql): postgres.Sql {
  let next = 0;
  const savepoint = async <T>(body: Body<T>): Promise<T> => {
    const name = `s${next++}`;
    await conn.unsafe(`savepoint ${name}`);
    try {
      const result = await body(client);
      await conn.unsafe(`release savepoint ${name}`);
      return result;
    } catch (err) {
      if (!conn.lost) await conn.unsafe(`rollback to savepoint ${name}`).catch(() => {});
      throw err;
    }
  };
  const client = wrap(
    new Proxy(conn, {
      get(target, prop, receiver) {
        if (prop === "savepoint") return savepoint;
        return Reflect.get(target, prop, receiver) as unknown;
      },
    }) as unknown as postgres.Sql,
  );
  return client;
}
