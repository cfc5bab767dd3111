/**
 * Reading a JSON request body and writing the JSON error body: one way for the API
 * (lib/api/handler.ts) and the webhooks (lib/webhooks/process.ts) alike.
 */
import { exceedsJsonDepth, MAX_JSON_DEPTH } from "@/lib/webhooks/sanitize";
import { AppError, type ErrorBody } from "./errors";

/** Parses JSON text; 400 naming the parser's complaint, 422 when nested too deep to store. */
export function parseJsonText(text: string, what = "Body"): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch (err) {
    throw new AppError("bad_request", `The body is not valid JSON: ${(err as Error).message}`);
  }
  if (exceedsJsonDepth(parsed)) {
    const message = `nested deeper than ${MAX_JSON_DEPTH} levels`;
    throw new AppError("validation_failed", `${what} is invalid: (root): ${message}`, [{ path: "(root)", message }]);
  }
  return parsed;
}

/** The one error shape: { "error": { "code", "message", "details"? } }. */
export function errorBody(error: AppError): ErrorBody {
  return { error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) } };
}
