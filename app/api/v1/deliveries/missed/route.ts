import { route } from "@/lib/api/handler";
import { missedListSchema, missedQuerySchema } from "@/lib/api/schemas/omi-sync";
import { listMissing } from "@/lib/omi-sync/findings";

/** GET /api/v1/deliveries/missed?days=&limit= → conversations a reconcile found in Omi that no webhook delivered. */
export const GET = route({ auth: "account", needs: "read", query: missedQuerySchema }, async ({ user, query }) =>
  missedListSchema.parse(await listMissing({ userId: user.id, days: query.days, limit: query.limit })),
);
