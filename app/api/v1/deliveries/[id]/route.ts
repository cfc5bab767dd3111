import { z } from "zod";
import { notFound } from "@/lib/api/errors";
import { route } from "@/lib/api/handler";
import { deliveryDetailSchema } from "@/lib/api/schemas/deliveries";
import { deliveryViewerFor } from "@/lib/deliveries/access";
import { getDelivery } from "@/lib/deliveries/queries";

export const dynamic = "force-dynamic";

/** GET /api/v1/deliveries/{id}: the request (target and headers redacted, body), our answer, timing. */
export const GET = route({ auth: "account", params: z.object({ id: z.string().max(100) }) }, async ({ user, params }) => {
  const delivery = await getDelivery({ viewer: await deliveryViewerFor(user), id: params.id });
  if (!delivery) throw notFound("Delivery");
  return deliveryDetailSchema.parse(delivery);
});
