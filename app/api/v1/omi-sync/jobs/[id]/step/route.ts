import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas/params";
import { syncJobSchema } from "@/lib/api/schemas/omi-sync";
import { toJobView } from "@/lib/omi-sync/jobs";
import { advanceJob } from "@/lib/omi-sync/runner";

export const runtime = "nodejs";
/** One step is one call to Omi and what it stores (up to 25 conversations with transcripts). */
export const maxDuration = 60;

/**
 * POST /api/v1/omi-sync/jobs/{id}/step → the job after one step, if its turn had come
 * (not while it waits for Omi's Retry-After or another runner holds it). Settings calls
 * it while an import is on screen, which is how imports advance on Vercel.
 */
export const POST = route({ auth: "account", needs: "write", params: idParams }, async ({ user, params }) =>
  syncJobSchema.parse(toJobView(await advanceJob({ userId: user.id, jobId: params.id }))),
);
