/**
 * Day-summary webhook → day_summaries, upserted by (uid, owner, date).
 * Prefers summary_json; when it is missing or null, the legacy `summary` string is
 * parsed as a Python literal (omi-integration.md §4) and validated with the same
 * schema. The date is the summary's own `date`, else the date of `created_at`.
 */
import { daySummaries } from "@/db/schema";
import { AppError, validationError } from "@/lib/api/errors";
import { daySummaryContentSchema, type DaySummaryContent, type DaySummaryPayload } from "@/lib/omi/day-summary-schema";
import { parsePythonLiteral, PythonLiteralError } from "@/lib/omi/python-literal";
import { parseOmiTimestamp } from "@/lib/omi/timestamps";
import type { IngestContext, IngestResult } from "./types";

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
  const fromCreated = /^\d{4}-\d{2}-\d{2}/.exec(createdAt ?? "")?.[0] ?? (createdAt ? parseOmiTimestamp(createdAt)?.toISOString().slice(0, 10) : null);
  if (!fromCreated) {
    throw new AppError("validation_failed", "Day summary is invalid: summary_json.date: no date and no created_at to take it from", [
      { path: "summary_json.date", message: "Missing, and created_at is missing too" },
    ]);
  }
  return fromCreated;
}

export async function ingestDaySummary(ctx: IngestContext, payload: DaySummaryPayload): Promise<IngestResult> {
  const { tx, uid, ownerUserId, receivedAt } = ctx;
  const { content, fromLegacy } = daySummaryContent(payload);
  const date = summaryDate(content, payload.created_at);
  const columns = {
    headline: content.headline ?? null,
    overview: content.overview ?? null,
    dayEmoji: content.day_emoji ?? null,
    totalConversations: content.stats?.total_conversations == null ? null : Math.round(content.stats.total_conversations),
    totalDurationMinutes: content.stats?.total_duration_minutes ?? null,
    content: content as Record<string, unknown>,
    fromLegacy,
    raw: payload,
  };
  const [row] = await tx
    .insert(daySummaries)
    .values({ uid, ownerUserId, date, ...columns, receivedAt, updatedAt: receivedAt })
    .onConflictDoUpdate({
      target: [daySummaries.uid, daySummaries.ownerUserId, daySummaries.date],
      set: { ...columns, updatedAt: receivedAt },
    })
    .returning({ id: daySummaries.id });
  return { stored: { daySummaryId: row!.id, date, fromLegacy } };
}
