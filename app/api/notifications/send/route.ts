/**
 * POST /api/notifications/send {"user_id","type","message","data":{"deep_link"?}} → 202 {"id","status"}.
 * Authorization: Bearer <personal API token with the notify scope> (its verified uids only),
 * Bearer NOTIFY_API_KEY (any uid, server to server), or the signed-in page's session
 * (same-origin only).
 */
import { route, type Authenticator } from "@/lib/api/handler";
import { authenticateRequest, bearerToken } from "@/lib/api/request-auth";
import { json } from "@/lib/api/respond";
import { sendAnswer, sendBody } from "@/lib/api/schemas/notifications";
import { secretMatches } from "@/lib/auth/secrets";
import { env } from "@/lib/env";
import { sendNow, type Caller } from "@/lib/notify/send";
import { baseUrlFrom } from "@/lib/urls";

export const maxDuration = 30;

const notifyCaller: Authenticator<Caller> = async (req) => {
  if (secretMatches(bearerToken(req), env.NOTIFY_API_KEY)) return { kind: "server" };
  const user = await authenticateRequest(req, "notify");
  return { kind: "account", userId: user.id };
};

export const POST = route({ auth: notifyCaller, body: sendBody }, async ({ req, user, body }) => {
  const row = await sendNow({ caller: user, body, baseUrl: baseUrlFrom(req.headers) });
  return json(sendAnswer.parse({ id: row.id, status: row.status }), { status: 202 });
});
