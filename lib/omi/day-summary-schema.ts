/**
 * The day-summary developer webhook (docs/OMI.md §4):
 * {summary: "<python str() of the dict>", summary_json: {...}, uid, created_at}.
 * Legacy bodies have no summary_json (or null) and a naive created_at; then the
 * `summary` string is parsed with the Python-literal parser and must match
 * `daySummaryContentSchema` just the same.
 */
import { z } from "zod";
import { isOmiTimestamp } from "./timestamps";

const optionalText = z.string().nullish();

/** The summary object, keys as Omi sends them. Lists and newer fields pass through untouched. */
export const daySummaryContentSchema = z.looseObject({
  id: optionalText,
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Expected a date like 2026-03-12")
    .nullish(),
  created_at: optionalText,
  headline: optionalText,
  overview: optionalText,
  day_emoji: optionalText,
  stats: z
    .looseObject({
      total_conversations: z.number().nullish(),
      total_duration_minutes: z.number().nullish(),
    })
    .nullish(),
});
export type DaySummaryContent = z.infer<typeof daySummaryContentSchema>;

export const daySummaryPayloadSchema = z
  .looseObject({
    summary: optionalText,
    summary_json: daySummaryContentSchema.nullish(),
    uid: optionalText,
    created_at: z.string().refine(isOmiTimestamp, "Not an ISO-8601 timestamp").nullish(),
  })
  .refine((b) => b.summary_json || (typeof b.summary === "string" && b.summary.trim() !== ""), {
    message: "Send summary_json or the legacy summary string",
    path: ["summary_json"],
  });
export type DaySummaryPayload = z.infer<typeof daySummaryPayloadSchema>;
