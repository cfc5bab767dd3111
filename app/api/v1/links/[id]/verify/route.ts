import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas/params";
import { serializeLink, verifyCodeBody } from "@/lib/api/schemas/links";
import { getLinkById, verifyLinkCode } from "@/lib/auth/linking";

export const POST = route({ auth: "account", needs: "account", params: idParams, body: verifyCodeBody }, async ({ user, params, body }) => {
  const link = await getLinkById({ userId: user.id, id: params.id });
  return serializeLink(await verifyLinkCode({ userId: user.id, uid: link.uid, code: body.code }));
});
