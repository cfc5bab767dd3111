import { z } from "zod";
import { notFound } from "@/lib/api/errors";
import { route } from "@/lib/api/handler";
import { getNotification } from "@/lib/notify/queries";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "account", params: z.object({ id: z.string().max(100) }) }, async ({ user, params }) => {
  const found = await getNotification({ userId: user.id, id: params.id });
  if (!found) throw notFound("Notification");
  return found;
});
