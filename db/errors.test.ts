/**
 * How database errors are classified (db/errors.ts), with errors shaped as postgres.js
 * raises them inside Drizzle's wrapper.
 */
import { describe, expect, it } from "vitest";
import { dataException, endsConnection, isDatabaseUnavailable } from "./errors";

const wrapped = (cause: Record<string, unknown>) => Object.assign(new Error("Failed query: select 1\nparams: "), { cause });

describe("database errors", () => {
  it("a value past a limit (class 54) or a bad value (class 22) is the sender's problem, not a retry", () => {
    const tooBig = wrapped({ code: "54000", message: "index row size 5216 exceeds btree version 4 maximum 2704" });
    expect(dataException(tooBig)).toMatch(/index row size/);
    expect(isDatabaseUnavailable(tooBig)).toBe(false);
    expect(dataException(wrapped({ code: "22P05", message: "unsupported Unicode escape sequence" }))).toMatch(/Unicode/);
    expect(dataException(wrapped({ code: "23505", message: "duplicate key" }))).toBeNull();
  });

  it("a statement's error says its connection is gone only when it is: nothing more may be sent on it", () => {
    const gone = [
      { code: "57P01", severity: "FATAL", message: "terminating connection due to administrator command" },
      { code: "08P01", severity: "FATAL", message: "server conn crashed?" },
      { code: "CONNECTION_CLOSED", message: "write CONNECTION_CLOSED" },
      { code: "ECONNRESET", syscall: "read", message: "read ECONNRESET" },
    ];
    for (const e of gone) {
      expect(endsConnection(e), e.message).toBe(true);
      expect(isDatabaseUnavailable(wrapped(e)), e.message).toBe(true);
    }
    // A live session: an ERROR (even of class 08), or an error the code met elsewhere.
    for (const e of [
      { code: "25P02", severity: "ERROR", message: "current transaction is aborted" },
      { code: "08P01", severity: "ERROR", message: "bind message supplies 1 parameters, but prepared statement requires 2" },
      Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET", syscall: "read" } }),
      wrapped({ code: "57P01", severity: "FATAL", message: "another connection's error, wrapped" }),
    ]) {
      expect(endsConnection(e), String((e as { message: string }).message)).toBe(false);
    }
  });
});
