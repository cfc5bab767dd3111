import { route } from "@/lib/api/handler";
import { factListQuerySchema, factListSchema } from "@/lib/api/schemas/omi-sync";
import { scopeFor } from "@/lib/auth/scope";
import { listFacts } from "@/lib/omi-sync/facts";

export const dynamic = "force-dynamic";

/** GET /api/v1/facts?q=&category=&cursor=&limit= → Omi's facts about you ("memories" in Omi's words), newest first. */
export const GET = route({ auth: "account", query: factListQuerySchema }, async ({ user, query }) =>
  factListSchema.parse(await listFacts({ scope: await scopeFor(user.id), query })),
);
