import { notFound } from "@/lib/api/errors";
import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas/params";
import { getNotification } from "@/lib/notify/queries";

export const GET = route({ auth: "account", needs: "read", params: idParams }, async ({ user, params }) => {
  const found = await getNotification({ userId: user.id, id: params.id });
  if (!found) throw notFound("Notification");
  return found;
});
