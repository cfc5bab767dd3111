/**
 * The enumerations both sides share: the database schema (db/schema.ts) stores them, the
 * API schemas (lib/api/schemas) validate them and the browser shows them. This module
 * imports nothing, so a client component can use these lists without pulling the
 * schema, and drizzle with it, into a browser bundle.
 */

/** Omi's webhook events, one route each under /api/webhooks/<event>. */
export const webhookEvents = ["memory", "realtime", "audio", "day-summary", "button"] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

/** How a delivery was authenticated: app-wide token, personal token, signature alone, or not at all. */
export const deliveryAuthKinds = ["app", "personal", "signature", "none"] as const;
export type DeliveryAuthKind = (typeof deliveryAuthKinds)[number];

/** What became of a delivery's X-Omi-Signature. */
export const signatureResults = ["valid", "invalid", "stale", "absent", "unchecked"] as const;
export type SignatureResult = (typeof signatureResults)[number];

/** A uid link: waiting for its code, proven with a code, or trusted because nothing can prove it. */
export const linkStatuses = ["unverified", "verified", "trusted"] as const;
export type LinkStatus = (typeof linkStatuses)[number];

/** The `type` of POST /api/notifications/send and of each logged notification. */
export const notificationTypes = ["trigger_event", "reminder", "memory", "transcript", "day_summary", "custom"] as const;
export type NotificationType = (typeof notificationTypes)[number];

/** The data a notification rule may read; it declares them, and its message can use only those. */
export const dataScopes = ["transcript", "memory", "day_summary", "profile"] as const;
export type DataScope = (typeof dataScopes)[number];

/** A rule's message: our template, or a prompt Omi writes the message from. */
export const ruleModes = ["template", "omi_prompt"] as const;
export type RuleMode = (typeof ruleModes)[number];

/** How a notification reaches the phone: Omi's notification API, or the realtime webhook's reply. */
export const notificationChannels = ["api", "realtime_reply"] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

export const notificationStatuses = ["queued", "sent", "held", "failed"] as const;
export type NotificationStatus = (typeof notificationStatuses)[number];

/** Where an import or reconcile with Omi's Developer API stands (lib/omi-sync/steps.ts). */
export const omiSyncPhases = ["count", "conversations", "action-items", "facts", "done"] as const;
export type OmiSyncPhase = (typeof omiSyncPhases)[number];
