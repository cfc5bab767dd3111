import { z } from "zod";
import { json } from "@/lib/api/respond";
import { route } from "@/lib/api/handler";
import { connectKeyBody, omiConnectionSchema } from "@/lib/api/schemas/omi-sync";
import { connectKey, removeKey } from "@/lib/omi-sync/keys";

export const maxDuration = 60;

const params = z.object({ linkId: z.string().min(1).max(100) });

/** PUT /api/v1/omi-sync/links/{linkId} {key}: checks the key with Omi and stores it encrypted → 201 the connection (never the key). */
export const PUT = route({ auth: "account", needs: "account", params, body: connectKeyBody }, async ({ user, params, body }) =>
  json(omiConnectionSchema.parse(await connectKey({ userId: user.id, linkId: params.linkId, key: body.key })), { status: 201 }),
);

/** DELETE /api/v1/omi-sync/links/{linkId}: forgets the key; what was imported stays. */
export const DELETE = route({ auth: "account", needs: "account", params }, async ({ user, params }) => {
  await removeKey({ userId: user.id, linkId: params.linkId });
  return { ok: true };
});
