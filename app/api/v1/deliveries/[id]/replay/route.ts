import { z } from "zod";
import { route } from "@/lib/api/handler";
import { replayResultSchema } from "@/lib/api/schemas/deliveries";
import { deliveryViewerFor } from "@/lib/deliveries/access";
import { replayDelivery } from "@/lib/deliveries/replay";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

/**
 * POST /api/v1/deliveries/{id}/replay: runs the stored delivery through ingest again
 * (no duplicate check) and answers the new delivery, whose replayOf is {id}. 409 when
 * it can't be replayed (audio, no body kept, unauthenticated), 404 when not yours.
 */
export const POST = route({ auth: "account", params: z.object({ id: z.string().max(100) }) }, async ({ user, params }) =>
  replayResultSchema.parse({ delivery: await replayDelivery({ viewer: await deliveryViewerFor(user), id: params.id }) }),
);
