import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas/params";
import { serializeLink, updateLinkBody } from "@/lib/api/schemas/links";
import { getLinkById, renameLink, unlink } from "@/lib/auth/linking";

export const GET = route({ auth: "account", needs: "read", params: idParams }, async ({ user, params }) =>
  serializeLink(await getLinkById({ userId: user.id, id: params.id })),
);

export const PATCH = route({ auth: "account", needs: "account", params: idParams, body: updateLinkBody }, async ({ user, params, body }) =>
  serializeLink(await renameLink({ userId: user.id, id: params.id, nickname: body.nickname })),
);

export const DELETE = route({ auth: "account", needs: "account", params: idParams }, async ({ user, params }) => {
  await unlink({ userId: user.id, id: params.id });
  return { ok: true };
});
