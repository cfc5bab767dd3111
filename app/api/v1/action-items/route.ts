import { route } from "@/lib/api/handler";
import { actionItemListQuerySchema, actionItemListSchema } from "@/lib/api/schemas/memories";
import { scopeFor } from "@/lib/auth/scope";
import { listActionItems } from "@/lib/memories/action-items";

export const dynamic = "force-dynamic";

/** GET /api/v1/action-items?status=open|completed|all&cursor=&limit= → {items, nextCursor} */
export const GET = route({ auth: "account", query: actionItemListQuerySchema }, async ({ user, query }) =>
  actionItemListSchema.parse(await listActionItems({ scope: await scopeFor(user.id), ...query })),
);
