import { z } from "zod";
import { route } from "@/lib/api/handler";
import { deliveriesOverviewSchema } from "@/lib/api/schemas/deliveries";
import { deliveryViewer } from "@/lib/deliveries/access";
import { getDeliveriesOverview } from "@/lib/deliveries/overview";

const query = z.object({ hours: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(168).default(24)) });

/** GET /api/v1/deliveries/summary?hours=24: successes and failures per hour, Omi-behaviour warnings. */
export const GET = route({ auth: "account", needs: "read", query }, async ({ user, query, scope }) =>
  deliveriesOverviewSchema.parse(
    await getDeliveriesOverview({ viewer: await deliveryViewer({ scope: await scope, userId: user.id }), hours: query.hours }),
  ),
);
