import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas/params";
import { replayResultSchema } from "@/lib/api/schemas/deliveries";
import { deliveryViewer } from "@/lib/deliveries/access";
import { replayDelivery } from "@/lib/deliveries/replay";

export const maxDuration = 60;

/**
 * POST /api/v1/deliveries/{id}/replay: runs the stored delivery through ingest again
 * (no duplicate check) and answers the new delivery, whose replayOf is {id}. 409 when
 * it can't be replayed (audio, no body kept, unauthenticated), 404 when not yours.
 */
export const POST = route({ auth: "account", needs: "write", params: idParams }, async ({ user, params, scope }) =>
  replayResultSchema.parse({
    delivery: await replayDelivery({ viewer: await deliveryViewer({ scope: await scope, userId: user.id }), id: params.id }),
  }),
);
