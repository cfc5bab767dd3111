import { route } from "@/lib/api/handler";
import { factListQuerySchema, factListSchema } from "@/lib/api/schemas/omi-sync";
import { listFacts } from "@/lib/omi-sync/facts";

/** GET /api/v1/facts?q=&category=&cursor=&limit= → Omi's facts about you ("memories" in Omi's words), newest first. */
export const GET = route({ auth: "account", needs: "read", query: factListQuerySchema }, async ({ query, scope }) =>
  factListSchema.parse(await listFacts({ scope: await scope, query })),
);
