/**
 * What a database error means for the caller, and how to describe it in a log line.
 * Drizzle wraps driver errors (DrizzleQueryError, "Failed query: …"), so the whole
 * cause chain is inspected.
 */
const unavailableCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EPIPE",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "53300", // too_many_connections
  "25P02", // in_failed_sql_transaction: the transaction is lost, nothing was stored
  "40001", // serialization_failure
  "40P01", // deadlock_detected
]);

/**
 * A transaction's COMMIT came back as something else (Postgres answers COMMIT of an
 * aborted transaction with ROLLBACK): nothing it wrote was stored.
 */
export class TransactionNotCommitted extends Error {
  override name = "TransactionNotCommitted";
  constructor(tag: string) {
    super(`The transaction did not commit (the server answered ${tag} to COMMIT)`);
  }
}

function* causes(err: unknown): Generator<Record<string, unknown>> {
  for (let e: unknown = err, depth = 0; e && typeof e === "object" && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    yield e as Record<string, unknown>;
  }
}

/**
 * Is this "the database did not store it, try again" (→ 503, Omi retries) rather than
 * a bug? Connection failures, a server shutting down, a lost or aborted transaction.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (const e of causes(err)) {
    if (e instanceof TransactionNotCommitted) return true;
    const code = e.code;
    if (typeof code === "string" && (unavailableCodes.has(code) || code.startsWith("08"))) return true;
    const message = e.message;
    if (typeof message === "string" && /PGlite is closed|database system is (starting up|shutting down)/i.test(message)) return true;
  }
  return false;
}

/**
 * Does this error, raised by postgres.js for one of its statements, mean that statement's
 * connection is gone? Then nothing more may be sent on it, not even a ROLLBACK. Only the
 * error itself is read, not its causes: an error the code met elsewhere (a fetch reset, say)
 * says nothing about this connection.
 */
export function endsConnection(err: unknown): boolean {
  if (!err || typeof err !== "object") return false;
  const e = err as Record<string, unknown>;
  // The server ended the session (admin shutdown, a pooler dropping it, …).
  if (e.severity === "FATAL" || e.severity === "PANIC") return true;
  // postgres.js's own connection errors.
  if (e.code === "CONNECTION_CLOSED" || e.code === "CONNECTION_ENDED" || e.code === "CONNECTION_DESTROYED") return true;
  // The socket's own errors (Node sets `syscall` on them).
  return typeof e.syscall === "string" && typeof e.code === "string" && /^E(CONNRESET|PIPE|TIMEDOUT)$/.test(e.code);
}

/** Postgres unique_violation, through Drizzle's wrapper. */
export function isUniqueViolation(err: unknown): boolean {
  for (const e of causes(err)) if (e.code === "23505") return true;
  return false;
}

/** Raised by Postgres (it carries a SQLSTATE), directly or through Drizzle's wrapper. */
export function isDatabaseError(err: unknown): boolean {
  for (const e of causes(err)) if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return true;
  return false;
}

/**
 * A value Postgres refuses to store, with its message: SQLSTATE class 22 (data exception)
 * or 54 (a limit the value exceeds, such as an index entry's size). Sending it again
 * cannot succeed, so it is the sender's problem (422), not a retry (503).
 */
export function dataException(err: unknown): string | null {
  for (const e of causes(err)) {
    if (typeof e.code === "string" && /^(22|54)/.test(e.code) && typeof e.message === "string") return e.message;
  }
  return null;
}

/**
 * One line for a log: the driver's own message and SQLSTATE (what went wrong), not
 * Drizzle's "Failed query: …" wrapper, which repeats the SQL and every parameter (the
 * raw body included). The wrapper's first line follows, to say which query it was.
 */
export function describeDbError(err: unknown): string {
  const chain = [...causes(err)];
  const driverError = chain.find((e) => typeof e.code === "string" || typeof e.severity === "string") ?? chain[chain.length - 1];
  const message = typeof driverError?.message === "string" ? driverError.message : String(err);
  const code = typeof driverError?.code === "string" ? ` (${driverError.code})` : "";
  const detail = typeof driverError?.detail === "string" ? `; ${driverError.detail}` : "";
  const top = chain[0];
  const query =
    top && top !== driverError && typeof top.message === "string" && top.message.startsWith("Failed query:")
      ? ` in ${top.message.split("\n")[0]!.slice(0, 200)}`
      : "";
  return `${message}${code}${detail}${query}`;
}
