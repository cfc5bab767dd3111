import { route } from "@/lib/api/handler";
import { daySummaryListQuery, type DaySummaryList } from "@/lib/api/schemas/day-summaries";
import { scopeFor } from "@/lib/auth/scope";
import { listDaySummaries } from "@/lib/day-summaries/queries";

export const dynamic = "force-dynamic";

/** GET /api/v1/day-summaries?from=YYYY-MM-DD&to=YYYY-MM-DD[&uid=]: the recaps in that span, oldest first. */
export const GET = route({ auth: "account", query: daySummaryListQuery }, async ({ user, query }): Promise<DaySummaryList> => {
  const scope = await scopeFor(user.id);
  return { items: await listDaySummaries({ scope, ...query }) };
});
