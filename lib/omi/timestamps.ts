/**
 * Omi's timestamps: Python isoformat() with or without an offset (the fraction is
 * omitted when zero; the day summary's inner created_at and legacy bodies are naive),
 * or the phone app's "…Z". A naive time is read as UTC, which is what Omi's backend
 * stores.
 */
const isoLike = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

export function parseOmiTimestamp(value: string | null | undefined): Date | null {
  if (!value) return null;
  const text = value.trim();
  const match = isoLike.exec(text);
  if (!match) return null;
  // JS Date understands at most milliseconds; Python sends microseconds.
  let normalised = text.replace(" ", "T").replace(/(\.\d{3})\d+/, "$1");
  if (!match[1] && normalised.includes("T")) normalised += "Z";
  const date = new Date(normalised);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function isOmiTimestamp(value: string): boolean {
  return parseOmiTimestamp(value) !== null;
}

/**
 * The same instant as text Postgres reads exactly, keeping Omi's microseconds (a JS
 * Date would cut them to milliseconds): "T" separator, and "Z" added where Omi sent no
 * offset (read as UTC, as above; Postgres would otherwise use the session's zone).
 * Null when parseOmiTimestamp refuses the value.
 */
export function omiTimestampForPostgres(value: string | null | undefined): string | null {
  const date = parseOmiTimestamp(value);
  if (!date) return null;
  const text = value!.trim().replace(" ", "T");
  if (!text.includes("T")) return date.toISOString();
  return isoLike.exec(text)?.[1] ? text : `${text}Z`;
}
