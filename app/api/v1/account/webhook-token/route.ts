import { webhookUrlsFor } from "@/lib/accounts/webhook-urls";
import { route } from "@/lib/api/handler";
import { regenerateWebhookToken } from "@/lib/auth/webhook-tokens";
import { baseUrlFrom } from "@/lib/urls";

/** A new personal webhook token: URLs with the old one stop working at once. */
export const POST = route({ auth: "account", needs: "account" }, async ({ req, user }) => {
  await regenerateWebhookToken(user.id);
  return webhookUrlsFor({ userId: user.id, baseUrl: baseUrlFrom(req.headers) });
});
