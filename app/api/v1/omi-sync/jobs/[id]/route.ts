import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas/params";
import { syncJobSchema } from "@/lib/api/schemas/omi-sync";
import { getJob, toJobView } from "@/lib/omi-sync/jobs";

/** GET /api/v1/omi-sync/jobs/{id} → the job: state, phase, progress, counts, why it waits. */
export const GET = route({ auth: "account", needs: "read", params: idParams }, async ({ user, params }) =>
  syncJobSchema.parse(toJobView(await getJob({ userId: user.id, id: params.id }))),
);
