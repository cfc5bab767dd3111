import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas/params";
import { syncJobSchema } from "@/lib/api/schemas/omi-sync";
import { cancelJob, toJobView } from "@/lib/omi-sync/jobs";

/** POST /api/v1/omi-sync/jobs/{id}/cancel → the job, cancelled (what it stored stays). */
export const POST = route({ auth: "account", needs: "write", params: idParams }, async ({ user, params }) =>
  syncJobSchema.parse(toJobView(await cancelJob({ userId: user.id, id: params.id }))),
);
