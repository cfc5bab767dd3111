import { z } from "zod";
import { webhookEvents } from "@/lib/constants";

/** GET /api/v1/account/webhooks: the account's personal webhook token and ready-to-paste URLs. */
export const webhookUrlsSchema = z.object({
  token: z.string(),
  baseUrl: z.string(),
  urls: z.record(z.enum(webhookEvents), z.string()),
});
export type WebhookUrls = z.infer<typeof webhookUrlsSchema>;

/** GET /api/v1/account: the account's own settings. */
export const accountSchema = z.object({
  id: z.string(),
  email: z.string().nullable(),
  timeZone: z.string(),
  signingSecretSet: z.boolean(),
  hasPassword: z.boolean(),
  createdAt: z.string(),
});
export type AccountJson = z.infer<typeof accountSchema>;

/** PATCH /api/v1/account: fields left out stay as they are. */
export const updateAccountBody = z.object({ timeZone: z.string().max(64).optional() });
/** PUT /api/v1/account/signing-secret: null turns signature checks for personal URLs off. */
export const signingSecretBody = z.object({ secret: z.string().max(300).nullable() });
/** PUT /api/v1/account/signing-secret answers whether a secret is now set (never the secret). */
export const signingSecretStateSchema = z.object({ signingSecretSet: z.boolean() });
/** DELETE /api/v1/account: the account's email, typed again. */
export const deleteAccountBody = z.object({ confirmEmail: z.string().max(320) });
