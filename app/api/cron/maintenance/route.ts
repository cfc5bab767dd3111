/**
 * Scheduled retention work. Vercel Cron calls it (see vercel.json) with
 * Authorization: Bearer $CRON_SECRET; outside Vercel an in-process timer runs the
 * same job, and this route works only when CRON_SECRET is set.
 */
import { AppError } from "@/lib/api/errors";
import { errorResponse, json } from "@/lib/api/respond";
import { bearerToken } from "@/lib/api/request-auth";
import { safeEqual } from "@/lib/auth/secrets";
import { env } from "@/lib/env";
import { runMaintenance } from "@/lib/maintenance";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";
export const maxDuration = 300;

export async function GET(req: Request) {
  try {
    const token = bearerToken(req);
    if (!env.CRON_SECRET || !token || !safeEqual(token, env.CRON_SECRET)) {
      throw new AppError("unauthorized", "Send Authorization: Bearer <CRON_SECRET>");
    }
    return json({ ok: true, ...(await runMaintenance()) });
  } catch (err) {
    return errorResponse(err, { path: "/api/cron/maintenance" });
  }
}
