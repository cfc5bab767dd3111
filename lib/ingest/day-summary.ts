/**
 * Day-summary webhook → day_summaries, upserted by (uid, owner, date), in one
 * statement (omi_ingest_day_summary, db/migrations 0004).
 * Prefers summary_json; when it is missing or null, the legacy `summary` string is
 * parsed as a Python literal (docs/OMI.md §4) and validated with the same
 * schema. The date is the summary's own `date`, else the date of `created_at`.
 */
import "server-only";
import { AppError, validationError } from "@/lib/api/errors";
import { daySummaryContentSchema, type DaySummaryContent, type DaySummaryPayload } from "@/lib/omi/day-summary-schema";
import { parsePythonLiteral, PythonLiteralError } from "@/lib/omi/python-literal";
import { parseOmiTimestamp } from "@/lib/omi/timestamps";
import { sanitizeJson } from "@/lib/webhooks/sanitize";
import { jsonBodyOf, rawField, type JsonBody } from "./json-body";
import { storeIngest, unloggedDelivery } from "./store";
import type { IngestCall, IngestContext, IngestResult, StoreOptions } from "./types";

/** The summary object and where it came from; throws 422 naming the field when unusable. */
export function daySummaryContent(payload: DaySummaryPayload): { content: DaySummaryContent; fromLegacy: boolean } {
  if (payload.summary_json) return { content: payload.summary_json, fromLegacy: false };
  let literal: unknown;
  try {
    literal = parsePythonLiteral(payload.summary ?? "");
  } catch (err) {
    if (err instanceof PythonLiteralError) {
      throw new AppError("validation_failed", `Day summary is invalid: summary: not a Python literal (${err.message})`, [
        { path: "summary", message: err.message },
      ]);
    }
    throw err;
  }
  const parsed = daySummaryContentSchema.safeParse(literal);
  if (!parsed.success) {
    const e = validationError(parsed.error, "Day summary");
    const details = (e.details as { path: string; message: string }[]).map((d) => ({ ...d, path: `summary.${d.path}` }));
    throw new AppError("validation_failed", `Day summary is invalid: ${details[0]?.path}: ${details[0]?.message}`, details);
  }
  return { content: parsed.data, fromLegacy: true };
}

function summaryDate(content: DaySummaryContent, createdAt: string | null | undefined): string {
  if (content.date) return content.date;
  const fromCreated =
    /^\d{4}-\d{2}-\d{2}/.exec(createdAt ?? "")?.[0] ?? (createdAt ? parseOmiTimestamp(createdAt)?.toISOString().slice(0, 10) : null);
  if (!fromCreated) {
    throw new AppError("validation_failed", "Day summary is invalid: summary_json.date: no date and no created_at to take it from", [
      { path: "summary_json.date", message: "Missing, and created_at is missing too" },
    ]);
  }
  return fromCreated;
}

export function daySummaryCall(payload: DaySummaryPayload, body: JsonBody): IngestCall {
  const { content, fromLegacy } = daySummaryContent(payload);
  return {
    procedure: "omi_ingest_day_summary",
    text: body.text,
    fields: {
      ...rawField(body),
      summary: {
        date: summaryDate(content, payload.created_at),
        headline: content.headline ?? null,
        overview: content.overview ?? null,
        day_emoji: content.day_emoji ?? null,
        total_conversations: content.stats?.total_conversations == null ? null : Math.round(content.stats.total_conversations),
        total_duration_minutes: content.stats?.total_duration_minutes ?? null,
        // The legacy string's escapes can hold what jsonb refuses (\x00).
        content: fromLegacy ? sanitizeJson(content) : content,
        from_legacy: fromLegacy,
      },
    },
  };
}

/** Stores a day summary outside a webhook request (tests, seeding). */
export async function ingestDaySummary(ctx: IngestContext, payload: DaySummaryPayload, options: StoreOptions = {}): Promise<IngestResult> {
  return storeIngest(daySummaryCall(payload, jsonBodyOf(payload)), unloggedDelivery("day-summary", ctx, options), options.on);
}
