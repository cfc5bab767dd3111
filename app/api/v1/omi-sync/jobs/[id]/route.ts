import { z } from "zod";
import { route } from "@/lib/api/handler";
import { syncJobSchema } from "@/lib/api/schemas/omi-sync";
import { getJob, toJobView } from "@/lib/omi-sync/jobs";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(100) });

/** GET /api/v1/omi-sync/jobs/{id} → the job: state, phase, progress, counts, why it waits. */
export const GET = route({ auth: "account", params }, async ({ user, params }) =>
  syncJobSchema.parse(toJobView(await getJob({ userId: user.id, id: params.id }))),
);
