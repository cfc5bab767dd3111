import { z } from "zod";

export const webhookEventNames = ["memory", "realtime", "audio", "day-summary", "button"] as const;

/** GET /api/v1/account/webhooks: the account's personal webhook token and ready-to-paste URLs. */
export const webhookUrlsSchema = z.object({
  token: z.string(),
  baseUrl: z.string(),
  urls: z.record(z.enum(webhookEventNames), z.string()),
});
export type WebhookUrls = z.infer<typeof webhookUrlsSchema>;
