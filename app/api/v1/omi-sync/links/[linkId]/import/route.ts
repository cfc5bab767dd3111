import { z } from "zod";
import { json } from "@/lib/api/respond";
import { route } from "@/lib/api/handler";
import { syncJobSchema } from "@/lib/api/schemas/omi-sync";
import { startImport, toJobView } from "@/lib/omi-sync/jobs";

const params = z.object({ linkId: z.string().min(1).max(100) });

/** POST /api/v1/omi-sync/links/{linkId}/import → 202 the job: "Import from Omi" (conversations, action items, facts). */
export const POST = route({ auth: "account", needs: "write", params }, async ({ user, params }) =>
  json(syncJobSchema.parse(toJobView(await startImport({ userId: user.id, linkId: params.linkId }))), { status: 202 }),
);
