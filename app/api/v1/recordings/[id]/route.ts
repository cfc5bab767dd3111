import { z } from "zod";
import { notFound } from "@/lib/api/errors";
import { route } from "@/lib/api/handler";
import type { RecordingDetail } from "@/lib/api/schemas/recordings";
import { deleteRecording, getRecordingDetail } from "@/lib/audio/queries";
import { scopeFor } from "@/lib/auth/scope";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(100) });

/** GET /api/v1/recordings/{id}: summary, waveform peaks and the transcript received meanwhile. */
export const GET = route({ auth: "account", params }, async ({ user, params }): Promise<RecordingDetail> => {
  const detail = await getRecordingDetail({ scope: await scopeFor(user.id), id: params.id });
  if (!detail) throw notFound("Recording");
  return detail;
});

/** DELETE /api/v1/recordings/{id}: removes the recording and its audio. */
export const DELETE = route({ auth: "account", params }, async ({ user, params }) => {
  const deleted = await deleteRecording({ scope: await scopeFor(user.id), id: params.id });
  if (!deleted) throw notFound("Recording");
  return { deleted: true };
});
