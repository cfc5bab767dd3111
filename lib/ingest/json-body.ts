/**
 * A JSON webhook body on its way to the database: the text exactly as received, which
 * the SQL function casts to jsonb itself (parsed once, in C; never re-serialised by
 * Node). Postgres' jsonb refuses U+0000 and lone UTF-16 surrogates, which JSON can only
 * carry as \u escapes; a body holding such an escape goes as its sanitised parse
 * instead (lib/webhooks/sanitize.ts), in `raw`.
 */
import { sanitizeJson } from "@/lib/webhooks/sanitize";

export type JsonBody = {
  /** The body as received. */
  text: string;
  /** Set when `text` holds escapes jsonb refuses: the sanitised value to store instead. */
  raw?: unknown;
};

/** \u0000 or any surrogate escape (a valid pair included: rare, and safe to sanitise). */
const escapesToSanitise = /\\u(?:0000|[dD][89a-fA-F])/;

/** Whether strings parsed from this text may hold U+0000 or lone surrogates. */
export function needsSanitising(text: string): boolean {
  return escapesToSanitise.test(text);
}

/** The body for the store, from its text and its parse (already sanitised when it had to be). */
export function jsonBody(text: string, parsed: unknown): JsonBody {
  return needsSanitising(text) ? { text, raw: parsed } : { text };
}

/** A body built here (tests, seeding, imports) from a value. */
export function jsonBodyOf(value: unknown): JsonBody {
  const text = JSON.stringify(value);
  return needsSanitising(text) ? { text, raw: sanitizeJson(value) } : { text };
}

/** The fields an ingest adds for its body (`raw` only when needed). */
export function rawField(body: JsonBody): { raw?: unknown } {
  return body.raw === undefined ? {} : { raw: body.raw };
}
