import { route } from "@/lib/api/handler";
import { webhookUrlsFor } from "@/lib/accounts/webhook-urls";
import { baseUrlFrom } from "@/lib/urls";

export const GET = route({ auth: "account", needs: "account" }, async ({ req, user }) =>
  webhookUrlsFor({ userId: user.id, baseUrl: baseUrlFrom(req.headers) }),
);
