/**
 * Omi's setup-completed URL (docs/OMI.md §5): GET ?uid= → 200 {"is_setup_completed": bool}.
 * Anything but 200 JSON blocks enabling the app, so every input, and even a database that
 * does not answer, gets 200 JSON (false when we cannot say yes). True for any link,
 * verified or not: Omi must enable the app before the verification code can reach the phone.
 */
import { json } from "@/lib/api/respond";
import { isSetupCompleted, uidSchema } from "@/lib/auth/linking";
import { log } from "@/lib/log";
import { describeDbError } from "@/db/errors";

export async function GET(req: Request): Promise<Response> {
  let completed = false;
  try {
    // Legacy senders append "?uid=" even after a "?": take the last uid given.
    const uids = new URL(req.url).searchParams.getAll("uid");
    const uid = uidSchema.safeParse(uids.at(-1) ?? "");
    if (uid.success) completed = await isSetupCompleted(uid.data);
  } catch (err) {
    log.warn("setup-completed could not answer from the database", { err: describeDbError(err) });
  }
  return json({ is_setup_completed: completed }, { headers: { "access-control-allow-origin": "*" } });
}

export async function HEAD(req: Request): Promise<Response> {
  const res = await GET(req);
  return new Response(null, { status: res.status, headers: res.headers });
}
