import { route } from "@/lib/api/handler";
import { actionItemListQuerySchema, actionItemListSchema } from "@/lib/api/schemas/memories";
import { listActionItems } from "@/lib/memories/action-items";

/** GET /api/v1/action-items?status=open|completed|all&cursor=&limit= → {items, nextCursor} */
export const GET = route({ auth: "account", needs: "read", query: actionItemListQuerySchema }, async ({ query, scope }) =>
  actionItemListSchema.parse(await listActionItems({ scope: await scope, ...query })),
);
