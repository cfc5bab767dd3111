import { route } from "@/lib/api/handler";
import { deliveryListQuerySchema, deliveryListSchema } from "@/lib/api/schemas/deliveries";
import { deliveryViewerFor } from "@/lib/deliveries/access";
import { listDeliveries } from "@/lib/deliveries/queries";

export const dynamic = "force-dynamic";

/** GET /api/v1/deliveries?event=&status=2xx|4xx|5xx|<code>&signed=&from=&to=&uid=&cursor=&limit= → {items, nextCursor}, newest first */
export const GET = route({ auth: "account", query: deliveryListQuerySchema }, async ({ user, query }) =>
  deliveryListSchema.parse(await listDeliveries({ viewer: await deliveryViewerFor(user), query })),
);
