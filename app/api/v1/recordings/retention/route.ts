import { route } from "@/lib/api/handler";
import { audioRetentionSchema, type AudioRetention } from "@/lib/api/schemas/recordings";
import { getAudioRetention, setAudioRetention } from "@/lib/audio/retention";

export const dynamic = "force-dynamic";

/** GET /api/v1/recordings/retention: {days} — audio older than this is deleted; null keeps it. */
export const GET = route({ auth: "account" }, async ({ user }): Promise<AudioRetention> => ({
  days: await getAudioRetention({ userId: user.id }),
}));

/** PATCH /api/v1/recordings/retention {days: 1–3650 | null}. */
export const PATCH = route({ auth: "account", body: audioRetentionSchema }, async ({ user, body }): Promise<AudioRetention> => {
  await setAudioRetention({ userId: user.id, days: body.days });
  return { days: body.days };
});
