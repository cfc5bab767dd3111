import { notFound } from "@/lib/api/errors";
import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas/params";
import { deliveryDetailSchema } from "@/lib/api/schemas/deliveries";
import { deliveryViewer } from "@/lib/deliveries/access";
import { getDelivery } from "@/lib/deliveries/queries";

/** GET /api/v1/deliveries/{id}: the request (target and headers redacted, body), our answer, timing. */
export const GET = route({ auth: "account", needs: "read", params: idParams }, async ({ user, params, scope }) => {
  const delivery = await getDelivery({ viewer: await deliveryViewer({ scope: await scope, userId: user.id }), id: params.id });
  if (!delivery) throw notFound("Delivery");
  return deliveryDetailSchema.parse(delivery);
});
