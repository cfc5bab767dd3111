import { route } from "@/lib/api/handler";
import { deliveryListQuerySchema, deliveryListSchema } from "@/lib/api/schemas/deliveries";
import { deliveryViewer } from "@/lib/deliveries/access";
import { listDeliveries } from "@/lib/deliveries/queries";

/** GET /api/v1/deliveries?event=&status=2xx|4xx|5xx|<code>&signed=&from=&to=&uid=&cursor=&limit= → {items, nextCursor}, newest first */
export const GET = route({ auth: "account", needs: "read", query: deliveryListQuerySchema }, async ({ user, query, scope }) =>
  deliveryListSchema.parse(await listDeliveries({ viewer: await deliveryViewer({ scope: await scope, userId: user.id }), query })),
);
