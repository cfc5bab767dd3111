import { route } from "@/lib/api/handler";
import { daySummaryListQuery, type DaySummaryList } from "@/lib/api/schemas/day-summaries";
import { listDaySummaries } from "@/lib/day-summaries/queries";

/** GET /api/v1/day-summaries?from=YYYY-MM-DD&to=YYYY-MM-DD[&uid=]: the recaps in that span, oldest first. */
export const GET = route(
  { auth: "account", needs: "read", query: daySummaryListQuery },
  async ({ query, scope }): Promise<DaySummaryList> => ({
    items: await listDaySummaries({ scope: await scope, ...query }),
  }),
);
