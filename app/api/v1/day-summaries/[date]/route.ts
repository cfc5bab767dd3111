import { notFound } from "@/lib/api/errors";
import { route } from "@/lib/api/handler";
import { daySummaryDateParams, daySummaryDateQuery, type DaySummaryList } from "@/lib/api/schemas/day-summaries";
import { scopeFor } from "@/lib/auth/scope";
import { getDaySummariesOn } from "@/lib/day-summaries/queries";

export const dynamic = "force-dynamic";

/** GET /api/v1/day-summaries/{date}[?uid=]: the recaps of that date (one per uid); 404 when none is visible. */
export const GET = route(
  { auth: "account", params: daySummaryDateParams, query: daySummaryDateQuery },
  async ({ user, params, query }): Promise<DaySummaryList> => {
    const scope = await scopeFor(user.id);
    const items = await getDaySummariesOn({ scope, date: params.date, uid: query.uid });
    if (items.length === 0) throw notFound(`Recap for ${params.date}`);
    return { items };
  },
);
