import { route } from "@/lib/api/handler";
import { notificationListQuery } from "@/lib/api/schemas/notifications";
import { listNotifications } from "@/lib/notify/queries";

/** GET /api/v1/notifications?cursor=&limit=&status=: the account's notifications, newest first. */
export const GET = route({ auth: "account", needs: "read", query: notificationListQuery }, async ({ user, query }) =>
  listNotifications({ userId: user.id, cursor: query.cursor, limit: query.limit, status: query.status }),
);
