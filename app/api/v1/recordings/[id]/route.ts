import { notFound } from "@/lib/api/errors";
import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas/params";
import type { RecordingDetail } from "@/lib/api/schemas/recordings";
import { deleteRecording, getRecordingDetail } from "@/lib/audio/queries";

/** GET /api/v1/recordings/{id}: summary, waveform peaks and the transcript received meanwhile. */
export const GET = route({ auth: "account", needs: "read", params: idParams }, async ({ params, scope }): Promise<RecordingDetail> => {
  const detail = await getRecordingDetail({ scope: await scope, id: params.id });
  if (!detail) throw notFound("Recording");
  return detail;
});

/** DELETE /api/v1/recordings/{id}: removes the recording and its audio. */
export const DELETE = route({ auth: "account", needs: "write", params: idParams }, async ({ params, scope }) => {
  const deleted = await deleteRecording({ scope: await scope, id: params.id });
  if (!deleted) throw notFound("Recording");
  return { deleted: true };
});
