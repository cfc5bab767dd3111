/**
 * POST /api/notifications/send {"user_id","type","message","data":{"deep_link"?}} → 202 {"id","status"}.
 * Authorization: Bearer <personal API token> (its verified uids only), Bearer NOTIFY_API_KEY
 * (any uid, server to server), or the signed-in page's session (same-origin only).
 */
import { AppError, validationError } from "@/lib/api/errors";
import { readJson } from "@/lib/api/handler";
import { authenticateRequest, bearerToken } from "@/lib/api/request-auth";
import { errorResponse, json } from "@/lib/api/respond";
import { sendAnswer, sendBody } from "@/lib/api/schemas/notifications";
import { safeEqual } from "@/lib/auth/secrets";
import { env } from "@/lib/env";
import type { Caller } from "@/lib/notify/send";
import { sendNow } from "@/lib/notify/send";
import { baseUrlFrom } from "@/lib/urls";

export const dynamic = "force-dynamic";
export const maxDuration = 30;

async function callerOf(req: Request): Promise<Caller> {
  const token = bearerToken(req);
  if (token && env.NOTIFY_API_KEY && safeEqual(token, env.NOTIFY_API_KEY)) return { kind: "server" };
  const user = await authenticateRequest(req);
  return { kind: "account", userId: user.id };
}

export async function POST(req: Request): Promise<Response> {
  try {
    const caller = await callerOf(req);
    const parsed = sendBody.safeParse(await readJson(req));
    if (!parsed.success) throw validationError(parsed.error, "Body");
    const row = await sendNow({ caller, body: parsed.data, baseUrl: baseUrlFrom(req.headers) });
    return json(sendAnswer.parse({ id: row.id, status: row.status }), { status: 202 });
  } catch (err) {
    return errorResponse(err instanceof SyntaxError ? new AppError("bad_request", "The body is not valid JSON") : err, {
      method: "POST",
      path: "/api/notifications/send",
    });
  }
}
