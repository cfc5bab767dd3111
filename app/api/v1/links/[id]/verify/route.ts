import { z } from "zod";
import { route } from "@/lib/api/handler";
import { serializeLink, verifyCodeBody } from "@/lib/api/schemas/links";
import { getLinkById, verifyLinkCode } from "@/lib/auth/linking";

export const dynamic = "force-dynamic";

export const POST = route({ auth: "account", params: z.object({ id: z.string().max(100) }), body: verifyCodeBody }, async ({ user, params, body }) => {
  const link = await getLinkById({ userId: user.id, id: params.id });
  return serializeLink(await verifyLinkCode({ userId: user.id, uid: link.uid, code: body.code }));
});
