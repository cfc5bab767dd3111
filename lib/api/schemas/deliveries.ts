/**
 * Response and request shapes of the delivery log API (GET /api/v1/deliveries,
 * GET /api/v1/deliveries/{id}, POST /api/v1/deliveries/{id}/replay,
 * GET /api/v1/deliveries/summary), shared by the routes and the dashboard.
 */
import { z } from "zod";
import { deliveryAuthKinds, signatureResults, webhookEvents } from "@/lib/constants";
import { dateParam, emptyToUndefined } from "./params";

/**
 * own: the account's own data (its personal token, or app-token data of its linked uids).
 * operator: seen only because the viewer is an operator (ADMIN_EMAILS): unlinked uid or
 * unauthenticated attempt; metadata only, never a body, never replayable.
 */
export const deliveryAccess = ["own", "operator"] as const;

export const deliverySummarySchema = z.object({
  id: z.string(),
  event: z.enum(webhookEvents),
  uid: z.string().nullable(),
  auth: z.enum(deliveryAuthKinds),
  signature: z.enum(signatureResults),
  status: z.number().int(),
  outcome: z.string(),
  errorMessage: z.string().nullable(),
  latencyMs: z.number(),
  sizeBytes: z.number().int(),
  receivedAt: z.string(),
  replayOf: z.string().nullable(),
  access: z.enum(deliveryAccess),
  /** Whether POST /api/v1/deliveries/{id}/replay can run it (the detail says why not). */
  replayable: z.boolean(),
});
export type DeliverySummary = z.infer<typeof deliverySummarySchema>;

export const deliveryListSchema = z.object({
  items: z.array(deliverySummarySchema),
  nextCursor: z.string().nullable(),
});
export type DeliveryList = z.infer<typeof deliveryListSchema>;

export const deliveryDetailSchema = deliverySummarySchema.extend({
  deliveryKey: z.string().nullable(),
  contentType: z.string().nullable(),
  /** Path and query, tokens redacted. */
  target: z.string(),
  /** Request headers, credentials redacted. */
  headers: z.record(z.string(), z.string()),
  /** Raw JSON body text as received (null for audio, unauthenticated and operator-only rows). */
  body: z.string().nullable(),
  bodyTruncated: z.boolean(),
  errorDetails: z.unknown().nullable(),
  /** The JSON we answered with. */
  response: z.unknown().nullable(),
  audioChunkId: z.number().int().nullable(),
  /** Why Replay is unavailable for this delivery; null when it can be replayed. */
  replayBlockedReason: z.string().nullable(),
  /** Replays of this delivery, newest first. */
  replays: z.array(z.object({ id: z.string(), status: z.number().int(), outcome: z.string(), receivedAt: z.string() })),
});
export type DeliveryDetail = z.infer<typeof deliveryDetailSchema>;

export const replayResultSchema = z.object({
  /** The new delivery row written for the replay (replayOf = the original). */
  delivery: deliveryDetailSchema,
});
export type ReplayResult = z.infer<typeof replayResultSchema>;

/** "2xx" | "4xx" | "5xx" or an exact code like "422". */
export const statusFilterSchema = z.string().regex(/^(?:[1-5]xx|[1-5]\d\d)$/i, "use 2xx, 4xx, 5xx or an exact status like 422");

/** GET /api/v1/deliveries query. Empty values count as absent (forms send them). */
export const deliveryListQuerySchema = z.object({
  event: z.preprocess(emptyToUndefined, z.enum(webhookEvents).optional()),
  status: z.preprocess(emptyToUndefined, statusFilterSchema.transform((s) => s.toLowerCase()).optional()),
  /** signed: a valid X-Omi-Signature; unsigned: anything else. */
  signed: z.preprocess(emptyToUndefined, z.enum(["signed", "unsigned"]).optional()),
  /** From this moment (a date means its UTC midnight). */
  from: z.preprocess(emptyToUndefined, dateParam.optional()),
  /** Up to this moment; a bare date includes that whole UTC day. */
  to: z.preprocess(emptyToUndefined, dateParam.optional()),
  uid: z.preprocess(emptyToUndefined, z.string().max(500).optional()),
  cursor: z.preprocess(emptyToUndefined, z.string().max(500).optional()),
  limit: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(200).default(50)),
});
export type DeliveryListQuery = z.infer<typeof deliveryListQuerySchema>;

export const hourBucketSchema = z.object({
  /** Start of the hour, ISO UTC. */
  hour: z.string(),
  ok: z.number().int(),
  failed: z.number().int(),
});
export type HourBucket = z.infer<typeof hourBucketSchema>;

export const deliveryWarningSchema = z.object({
  id: z.string(),
  level: z.enum(["info", "warning", "danger"]),
  title: z.string(),
  message: z.string(),
});
export type DeliveryWarning = z.infer<typeof deliveryWarningSchema>;

/** GET /api/v1/deliveries/summary: chart buckets, Omi-behaviour warnings, who is looking. */
export const deliveriesOverviewSchema = z.object({
  hours: z.array(hourBucketSchema),
  warnings: z.array(deliveryWarningSchema),
  /** Latest unbroken run of failures of personal-token (Developer Settings) deliveries, per event. */
  consecutiveFailures: z.array(z.object({ event: z.enum(webhookEvents), count: z.number().int() })),
  operator: z.boolean(),
  /** Operators: requests refused before authentication in the period (counted, never logged one by one). */
  refusals: z
    .object({ total: z.number().int(), addresses: z.array(z.object({ address: z.string(), count: z.number().int() })) })
    .nullable(),
  total: z.number().int(),
});
export type DeliveriesOverview = z.infer<typeof deliveriesOverviewSchema>;

/**
 * POST /api/v1/sample-data: which part of the sample to send, in the order the dashboard
 * sends them. The memory goes last: it ends the conversation the live transcript and
 * audio belong to, and on the empty Memories page its arrival replaces the button.
 */
export const samplePartNames = ["realtime", "audio", "day-summary", "button", "memory"] as const;
export const sampleDataBodySchema = z.object({ part: z.enum(samplePartNames) });
export const sampleDataResultSchema = z.object({
  part: z.enum(samplePartNames),
  uid: z.string(),
  requests: z.array(z.object({ event: z.enum(webhookEvents), status: z.number().int() })),
  ok: z.boolean(),
});
export type SampleDataResult = z.infer<typeof sampleDataResultSchema>;
