import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { AppError } from "@/lib/api/errors";
import { route } from "@/lib/api/handler";
import { sampleDataBodySchema, sampleDataResultSchema } from "@/lib/api/schemas/deliveries";
import { hit } from "@/lib/auth/rate-limit";
import { sendSamplePart } from "@/lib/sample-data/send";

export const maxDuration = 60;

/**
 * POST /api/v1/sample-data {part}: sends one part of the sample (realtime, memory,
 * audio, day-summary, button) through this account's real webhook URLs. The dashboard
 * sends the parts one after another to show progress.
 */
export const POST = route({ auth: "account", needs: "write", body: sampleDataBodySchema }, async ({ url, user, body }) => {
  const limit = await hit({ key: `sample-data:${user.id}`, max: 30, windowSeconds: 600 });
  if (!limit.allowed) {
    throw new AppError("rate_limited", "Sample data was sent many times in a row: try again in a few minutes", undefined, {
      "retry-after": String(limit.retryAfterSeconds),
    });
  }
  const [account] = await db.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, user.id)).limit(1);
  // The request's own origin: this server answers there (APP_URL may be a tunnel it can't reach).
  const origin = url.origin;
  return sampleDataResultSchema.parse(await sendSamplePart({ userId: user.id, origin, part: body.part, timeZone: account?.timeZone }));
});
