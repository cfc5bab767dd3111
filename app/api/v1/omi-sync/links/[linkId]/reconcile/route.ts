import { z } from "zod";
import { json } from "@/lib/api/respond";
import { route } from "@/lib/api/handler";
import { syncJobSchema } from "@/lib/api/schemas/omi-sync";
import { reconcileNow, toJobView } from "@/lib/omi-sync/jobs";

const params = z.object({ linkId: z.string().min(1).max(100) });

/** POST /api/v1/omi-sync/links/{linkId}/reconcile → 202 the job: re-read the recent window now ("Check now"). */
export const POST = route({ auth: "account", needs: "write", params }, async ({ user, params }) =>
  json(syncJobSchema.parse(toJobView(await reconcileNow({ userId: user.id, linkId: params.linkId }))), { status: 202 }),
);
