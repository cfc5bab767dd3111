import { z } from "zod";
import { route } from "@/lib/api/handler";
import { serializeLink, updateLinkBody } from "@/lib/api/schemas/links";
import { getLinkById, renameLink, unlink } from "@/lib/auth/linking";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().max(100) });

export const GET = route({ auth: "account", params }, async ({ user, params }) =>
  serializeLink(await getLinkById({ userId: user.id, id: params.id })),
);

export const PATCH = route({ auth: "account", params, body: updateLinkBody }, async ({ user, params, body }) =>
  serializeLink(await renameLink({ userId: user.id, id: params.id, nickname: body.nickname })),
);

export const DELETE = route({ auth: "account", params }, async ({ user, params }) => {
  await unlink({ userId: user.id, id: params.id });
  return { ok: true };
});
