/**
 * The one error type and the one JSON error shape:
 *   { "error": { "code": "...", "message": "...", "details"?: ... } }
 * Messages are for people; internals go to the log only.
 */
import { z } from "zod";

export const errorStatus = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  range_not_satisfiable: 416,
  validation_failed: 422,
  rate_limited: 429,
  internal: 500,
  service_unavailable: 503,
} as const;
export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  override name = "AppError";
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: unknown,
    /** Extra response headers (Retry-After, WWW-Authenticate, Content-Range…). */
    public readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
  get status(): number {
    return errorStatus[this.code];
  }
}

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Zod issues as a list of { path, message } a person (or script) can act on. */
export function zodDetails(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join(".") || "(root)", message: i.message }));
}

/** A 422 naming the first failing field, with every issue in details. */
export function validationError(error: z.ZodError, what = "Request"): AppError {
  const details = zodDetails(error);
  const first = details[0];
  const message = first ? `${what} is invalid: ${first.path}: ${first.message}` : `${what} is invalid`;
  return new AppError("validation_failed", message, details);
}

export const notFound = (what = "Resource") => new AppError("not_found", `${what} not found`);
export const unauthorized = (message = "Sign in or send an API token (Authorization: Bearer …)") => new AppError("unauthorized", message);
