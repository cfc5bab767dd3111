import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas/params";
import { sendCodeBody, serializeLink } from "@/lib/api/schemas/links";
import { getLinkById, sendLinkCode } from "@/lib/auth/linking";

/** "Send the code again" (or the link page's automatic retry while Omi has not enabled the app yet). */
export const POST = route({ auth: "account", needs: "account", params: idParams, body: sendCodeBody }, async ({ user, params, body }) => {
  const link = await getLinkById({ userId: user.id, id: params.id });
  return serializeLink(await sendLinkCode({ userId: user.id, uid: link.uid, automatic: body?.automatic ?? false }));
});
