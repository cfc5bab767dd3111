/**
 * Scheduled retention work. Vercel Cron calls it (see vercel.json) with
 * Authorization: Bearer $CRON_SECRET; outside Vercel an in-process timer runs the
 * same job, and this route works only when CRON_SECRET is set.
 */
import { AppError } from "@/lib/api/errors";
import { route, type Authenticator } from "@/lib/api/handler";
import { bearerToken } from "@/lib/api/request-auth";
import { secretMatches } from "@/lib/auth/secrets";
import { env } from "@/lib/env";
import { runMaintenance } from "@/lib/maintenance";

export const runtime = "nodejs";
export const maxDuration = 300;

const cronCaller: Authenticator<"cron"> = async (req) => {
  if (!secretMatches(bearerToken(req), env.CRON_SECRET)) throw new AppError("unauthorized", "Send Authorization: Bearer <CRON_SECRET>");
  return "cron";
};

export const GET = route({ auth: cronCaller }, async () => ({ ok: true, ...(await runMaintenance()) }));
