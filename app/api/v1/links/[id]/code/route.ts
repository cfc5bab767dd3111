import { z } from "zod";
import { route } from "@/lib/api/handler";
import { sendCodeBody, serializeLink } from "@/lib/api/schemas/links";
import { getLinkById, sendLinkCode } from "@/lib/auth/linking";

export const dynamic = "force-dynamic";

/** "Send the code again" (or the link page's automatic retry while Omi has not enabled the app yet). */
export const POST = route({ auth: "account", params: z.object({ id: z.string().max(100) }), body: sendCodeBody }, async ({ user, params, body }) => {
  const link = await getLinkById({ userId: user.id, id: params.id });
  return serializeLink(await sendLinkCode({ userId: user.id, uid: link.uid, automatic: body?.automatic ?? false }));
});
