import { route } from "@/lib/api/handler";
import { audioRetentionSchema, type AudioRetention } from "@/lib/api/schemas/recordings";
import { getAudioRetention, setAudioRetention } from "@/lib/audio/retention";

/** GET /api/v1/recordings/retention: {days} — audio older than this is deleted; null keeps it. */
export const GET = route({ auth: "account", needs: "read" }, async ({ user }): Promise<AudioRetention> => ({
  days: await getAudioRetention({ userId: user.id }),
}));

/** PATCH /api/v1/recordings/retention {days: 1–3650 | null}. */
export const PATCH = route(
  { auth: "account", needs: "write", body: audioRetentionSchema },
  async ({ user, body }): Promise<AudioRetention> => {
    await setAudioRetention({ userId: user.id, days: body.days });
    return { days: body.days };
  },
);
