import { z } from "zod";
import { route } from "@/lib/api/handler";
import { syncJobSchema } from "@/lib/api/schemas/omi-sync";
import { cancelJob, toJobView } from "@/lib/omi-sync/jobs";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(100) });

/** POST /api/v1/omi-sync/jobs/{id}/cancel → the job, cancelled (what it stored stays). */
export const POST = route({ auth: "account", params }, async ({ user, params }) =>
  syncJobSchema.parse(toJobView(await cancelJob({ userId: user.id, id: params.id }))),
);
