import { notFound } from "@/lib/api/errors";
import { route } from "@/lib/api/handler";
import { daySummaryDateParams, daySummaryDateQuery, type DaySummaryList } from "@/lib/api/schemas/day-summaries";
import { getDaySummariesOn } from "@/lib/day-summaries/queries";

/** GET /api/v1/day-summaries/{date}[?uid=]: the recaps of that date (one per uid); 404 when none is visible. */
export const GET = route(
  { auth: "account", needs: "read", params: daySummaryDateParams, query: daySummaryDateQuery },
  async ({ params, query, scope }): Promise<DaySummaryList> => {
    const items = await getDaySummariesOn({ scope: await scope, date: params.date, uid: query.uid });
    if (items.length === 0) throw notFound(`Recap for ${params.date}`);
    return { items };
  },
);
