import type { WebhookUrls } from "@/lib/api/schemas/account";
import { webhookEvents } from "@/lib/constants";
import { getWebhookToken } from "@/lib/auth/webhook-tokens";

/** The URLs a person pastes into Omi, in the path-token form (old senders append ?uid= even after a ?). */
export async function webhookUrlsFor({ userId, baseUrl }: { userId: string; baseUrl: string }): Promise<WebhookUrls> {
  const token = await getWebhookToken(userId);
  const urls = Object.fromEntries(webhookEvents.map((e) => [e, `${baseUrl}/api/webhooks/${e}/${token}`])) as WebhookUrls["urls"];
  return { token, baseUrl, urls };
}
