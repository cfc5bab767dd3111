/**
 * Omi sends times with microseconds ("2026-12-01T09:33:03.237616+00:00"); a JS Date,
 * and so every column the ingest writes, keeps milliseconds. The read API gives Omi's
 * precision back: the time we hold, in UTC, with the fraction Omi sent, whenever
 * Omi's own text (kept in the raw payload) is that same instant.
 */
import { parseOmiTimestamp } from "@/lib/omi/timestamps";

const finerThanMs = /\.(\d{4,9})(?:Z|[+-]\d{2}:?\d{2})?$/i;

/** `iso` ("…03.237Z", as the queries format it) with Omi's microseconds, or unchanged. */
export function withOmiPrecision(iso: string | null, omiText: string | null | undefined): string | null {
  if (!iso || !omiText) return iso;
  const fraction = finerThanMs.exec(omiText.trim())?.[1];
  if (!fraction) return iso;
  const parsed = parseOmiTimestamp(omiText);
  if (!parsed || parsed.toISOString() !== iso) return iso;
  return iso.replace(/\.\d{3}Z$/, `.${fraction.slice(0, 6).padEnd(6, "0")}Z`);
}
