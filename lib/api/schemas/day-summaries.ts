/**
 * Shapes of GET /api/v1/day-summaries and GET /api/v1/day-summaries/{date}, shared by
 * the routes and their callers. `content` is Omi's summary object exactly as parsed
 * (summary_json, or the legacy Python-literal string), keys as Omi sends them.
 */
import { z } from "zod";
import { daysBetween, isIsoDate } from "@/lib/day-summaries/dates";

/** A span longer than this is refused: the heatmap needs a year, nothing needs more. */
export const maxSpanDays = 400;

export const isoDate = z.string().refine(isIsoDate, "Use a real date as YYYY-MM-DD");

const uidParam = z.string().trim().min(1).max(200);

export const daySummaryListQuery = z
  .object({
    from: isoDate,
    to: isoDate,
    uid: uidParam.optional(),
  })
  .superRefine((q, ctx) => {
    const span = daysBetween(q.from, q.to);
    if (span < 0) ctx.addIssue({ code: "custom", path: ["to"], message: "`to` must be the same day as `from` or later" });
    else if (span >= maxSpanDays) ctx.addIssue({ code: "custom", path: ["to"], message: `Ask for at most ${maxSpanDays} days at a time` });
  });
export type DaySummaryListQuery = z.infer<typeof daySummaryListQuery>;

export const daySummaryDateParams = z.object({ date: isoDate });
export const daySummaryDateQuery = z.object({ uid: uidParam.optional() });

export const daySummaryStatsSchema = z.object({
  totalConversations: z.number().nullable(),
  totalDurationMinutes: z.number().nullable(),
  actionItemsCount: z.number().nullable(),
});

export const daySummaryItemSchema = z.object({
  date: z.string(),
  uid: z.string(),
  headline: z.string().nullable(),
  dayEmoji: z.string().nullable(),
  stats: daySummaryStatsSchema,
  content: z.record(z.string(), z.unknown()),
});
export type DaySummaryItem = z.infer<typeof daySummaryItemSchema>;

export const daySummaryListSchema = z.object({ items: z.array(daySummaryItemSchema) });
export type DaySummaryList = z.infer<typeof daySummaryListSchema>;
