/**
 * The one place that turns errors into responses. A 500 is always a bug: it is logged
 * with its stack and answered with a generic message; a database that does not answer
 * is a 503 with Retry-After (Omi retries 5xx).
 */
import { ZodError } from "zod";
import { describeDbError, isDatabaseUnavailable } from "@/db/errors";
import { log } from "@/lib/log";
import { AppError, validationError } from "./errors";
import { errorBody } from "./json";

export function json(data: unknown, init?: ResponseInit): Response {
  const headers = new Headers(init?.headers);
  headers.set("content-type", "application/json; charset=utf-8");
  if (!headers.has("cache-control")) headers.set("cache-control", "no-store");
  return new Response(JSON.stringify(data), { ...init, headers });
}

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return validationError(err);
  if (isDatabaseUnavailable(err)) {
    return new AppError("service_unavailable", "The database is not answering; try again shortly", undefined, {
      "retry-after": "5",
    });
  }
  return new AppError("internal", "Something went wrong on our side; it has been logged");
}

export function errorResponse(err: unknown, context?: Record<string, unknown>): Response {
  const appError = toAppError(err);
  // describeDbError: the driver's own message and SQLSTATE, not only Drizzle's "Failed query".
  // The stack without its first line: a query error's message lists every parameter (bodies included).
  if (appError.code === "internal") log.error("unhandled error", { ...context, cause: describeDbError(err), stack: stackOf(err) });
  else if (appError.code === "service_unavailable") log.warn("database unavailable", { ...context, cause: describeDbError(err) });
  return json(errorBody(appError), { status: appError.status, headers: appError.headers });
}

function stackOf(err: unknown): string | undefined {
  return err instanceof Error ? err.stack?.split("\n").slice(1, 10).join("\n") : undefined;
}
