/**
 * The day summary (Omi's recap of a day) for a date or a span of dates, through
 * lib/day-summaries/queries.ts like GET /api/v1/day-summaries.
 */
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { AppError, notFound } from "@/lib/api/errors";
import { isoDate, type DaySummaryItem } from "@/lib/api/schemas/day-summaries";
import { daysBetween } from "@/lib/day-summaries/dates";
import { recapHref } from "@/lib/day-summaries/links";
import { getDaySummariesOn, listDaySummaries } from "@/lib/day-summaries/queries";
import { addResource, addTool, link, type McpContext } from "./context";

/** A span longer than a month is refused: each recap can be long. */
export const MAX_SPAN_DAYS = 31;

const uidArg = z.string().trim().min(1).max(200, "uid: at most 200 characters");

function forAssistant(ctx: McpContext, item: DaySummaryItem) {
  return { ...item, url: link(ctx, recapHref({ date: item.date, uid: item.uid })) };
}

async function recapsOn(ctx: McpContext, date: string, uid?: string) {
  const items = await getDaySummariesOn({ scope: await ctx.scope(), date, uid });
  if (items.length === 0) throw notFound(`Day summary for ${date}`);
  return { items: items.map((i) => forAssistant(ctx, i)) };
}

export function registerDaySummaryTools(server: McpServer, ctx: McpContext): void {
  addTool(
    server,
    ctx,
    {
      name: "get_day_summary",
      title: "Get the day summary",
      description:
        "Omi's summary of a day (headline, overview, highlights, decisions, action items…) for one `date`, " +
        `or every summary from \`from\` to \`to\` (at most ${MAX_SPAN_DAYS} days), each with a link to its page.`,
      needs: "read",
      readOnly: true,
      input: {
        date: isoDate.optional().describe("One day, YYYY-MM-DD"),
        from: isoDate.optional().describe("First day of a span, YYYY-MM-DD"),
        to: isoDate.optional().describe("Last day of a span (inclusive), YYYY-MM-DD; defaults to `from`"),
        uid: uidArg.optional().describe("Only this Omi account (when several are linked)"),
      },
    },
    async (args) => {
      if (args.date) return recapsOn(ctx, args.date, args.uid);
      if (!args.from) throw new AppError("bad_request", "Give `date`, or `from` (and `to`) for a span");
      const to = args.to ?? args.from;
      const span = daysBetween(args.from, to);
      if (span < 0) throw new AppError("bad_request", "`to` must be the same day as `from` or later");
      if (span >= MAX_SPAN_DAYS) throw new AppError("bad_request", `Ask for at most ${MAX_SPAN_DAYS} days at a time`);
      const items = await listDaySummaries({ scope: await ctx.scope(), from: args.from, to, uid: args.uid });
      return { items: items.map((i) => forAssistant(ctx, i)) };
    },
  );
}

/** omi-hub://day-summaries/{date}: that day's summaries. */
export function registerDaySummaryResource(server: McpServer, ctx: McpContext): void {
  addResource(
    server,
    ctx,
    {
      name: "day-summary",
      template: "omi-hub://day-summaries/{date}",
      title: "Day summary",
      description: "Omi's summary of a day (YYYY-MM-DD)",
    },
    async ({ date }) => {
      const parsed = isoDate.safeParse(date);
      if (!parsed.success) throw new AppError("bad_request", "Use a real date as YYYY-MM-DD");
      return recapsOn(ctx, parsed.data);
    },
  );
}
