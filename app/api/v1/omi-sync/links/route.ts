import { route } from "@/lib/api/handler";
import { omiSyncOverviewSchema } from "@/lib/api/schemas/omi-sync";
import { syncOverview } from "@/lib/omi-sync/keys";

/** GET /api/v1/omi-sync/links → {links:[{linkId, uid, nickname, status, connection}]}: the Developer API keys per verified link. */
export const GET = route({ auth: "account", needs: "read" }, async ({ user }) =>
  omiSyncOverviewSchema.parse(await syncOverview({ userId: user.id })),
);
