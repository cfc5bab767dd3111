/**
 * How database errors are classified (db/errors.ts), with errors shaped as postgres.js
 * raises them inside Drizzle's wrapper.
 */
import { describe, expect, it } from "vitest";
import { dataException, isConnectionLost, isDatabaseUnavailable } from "./errors";

const wrapped = (cause: Record<string, unknown>) => Object.assign(new Error("Failed query: select 1\nparams: "), { cause });

describe("database errors", () => {
  it("a value past a limit (class 54) or a bad value (class 22) is the sender's problem, not a retry", () => {
    const tooBig = wrapped({ code: "54000", message: "index row size 5216 exceeds btree version 4 maximum 2704" });
    expect(dataException(tooBig)).toMatch(/index row size/);
    expect(isDatabaseUnavailable(tooBig)).toBe(false);
    expect(dataException(wrapped({ code: "22P05", message: "unsupported Unicode escape sequence" }))).toMatch(/Unicode/);
    expect(dataException(wrapped({ code: "23505", message: "duplicate key" }))).toBeNull();
  });

  it("a connection the server ended is lost (nothing more may be sent on it) and retryable", () => {
    for (const cause of [
      { code: "57P01", severity: "FATAL", message: "terminating connection due to administrator command" },
      { code: "08P01", severity: "FATAL", message: "server conn crashed?" },
      { code: "CONNECTION_CLOSED", message: "write CONNECTION_CLOSED" },
      { code: "ECONNRESET", message: "read ECONNRESET" },
    ]) {
      expect(isConnectionLost(wrapped(cause)), cause.message).toBe(true);
      expect(isDatabaseUnavailable(wrapped(cause)), cause.message).toBe(true);
    }
    expect(isConnectionLost(wrapped({ code: "25P02", severity: "ERROR", message: "current transaction is aborted" }))).toBe(false);
  });
});
