/**
 * The one place that turns errors into responses. A 500 is always a bug: it is logged
 * with its stack and answered with a generic message; a database that does not answer
 * is a 503 with Retry-After (Omi retries 5xx).
 */
import { ZodError } from "zod";
import { isDatabaseUnavailable } from "@/db/errors";
import { log } from "@/lib/log";
import { AppError, type ErrorBody, validationError } from "./errors";

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
  if (appError.code === "internal") log.error("unhandled error", { ...context, err });
  else if (appError.code === "service_unavailable") log.warn("database unavailable", { ...context, err: String(err) });
  const body: ErrorBody = {
    error: {
      code: appError.code,
      message: appError.message,
      ...(appError.details === undefined ? {} : { details: appError.details }),
    },
  };
  return json(body, { status: appError.status, headers: appError.headers });
}
