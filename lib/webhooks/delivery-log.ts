/**
 * The delivery log: one row per authenticated webhook request, whatever happened to
 * it, so nothing Omi sent is lost and every answer can be explained. A stored delivery
 * gets its row from the same statement that stored it (db/migrations 0004); this
 * module writes the rows of refused and failed ones. Tokens are redacted from the
 * target and headers; the raw JSON body is kept (capped), never for audio (its bytes
 * live in audio_chunks, linked by id). Unauthenticated attempts are only counted
 * (lib/webhooks/refusals.ts).
 */
import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { isDatabaseUnavailable } from "@/db/errors";
import { deliveries, type Delivery } from "@/db/schema";
import type { WebhookEvent } from "@/lib/constants";
import { log } from "@/lib/log";
import { redact } from "@/lib/log/redact";
import { sanitizeJson, sanitizeText } from "./sanitize";

/** Raw bodies longer than this are cut (bodyTruncated); 256 KiB holds any real memory. */
export const LOGGED_BODY_MAX_BYTES = 256 * 1024;

/** Headers that carry credentials (none from Omi, but a sender may add them). */
const secretHeaders = new Set(["authorization", "cookie", "proxy-authorization", "x-api-key", "set-cookie"]);

export function loggableHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    const key = name.toLowerCase();
    out[key] = secretHeaders.has(key) ? "[redacted]" : sanitizeText(redact(value)).slice(0, 1000);
  });
  return out;
}

/** The request's path and query for the log: tokens redacted (the personal token is in the path). */
export function loggableTarget(target: string): string {
  return sanitizeText(redact(target)).slice(0, 4000);
}

export function loggableBody(bytes: Uint8Array): { body: string; bodyTruncated: boolean } {
  const truncated = bytes.byteLength > LOGGED_BODY_MAX_BYTES;
  const text = new TextDecoder().decode(truncated ? bytes.subarray(0, LOGGED_BODY_MAX_BYTES) : bytes);
  return { body: sanitizeText(text), bodyTruncated: truncated };
}

export type DeliveryRecord = {
  id: string;
  event: WebhookEvent;
  uid: string | null;
  ownerUserId: string | null;
  auth: Delivery["auth"];
  signature: Delivery["signature"];
  deliveryKey: string | null;
  status: number;
  outcome: string;
  errorMessage?: string | null;
  errorDetails?: unknown;
  latencyMs: number;
  sizeBytes: number;
  contentType: string | null;
  /** Path and query as received; redacted here. */
  target: string;
  headers: Record<string, string>;
  body?: string | null;
  bodyTruncated?: boolean;
  audioChunkId?: number | null;
  response: unknown;
  replayOf?: string | null;
  receivedAt: Date;
};

/** Writes the row; a failure to log is logged, never thrown (the answer stands). */
export async function recordDelivery(record: DeliveryRecord): Promise<boolean> {
  try {
    await db.insert(deliveries).values({
      ...record,
      uid: record.uid === null ? null : sanitizeText(record.uid).slice(0, 500),
      deliveryKey: record.deliveryKey === null ? null : sanitizeText(record.deliveryKey),
      target: loggableTarget(record.target),
      errorMessage: record.errorMessage ? sanitizeText(redact(record.errorMessage)).slice(0, 4000) : null,
      // Both can quote the body (a JSON parse error names the bad character): jsonb refuses NUL.
      errorDetails: record.errorDetails === undefined ? null : sanitizeJson(record.errorDetails),
      response: record.response === undefined ? null : sanitizeJson(record.response),
    });
    return true;
  } catch (err) {
    // The first line only: Drizzle's message lists every parameter, the raw body included.
    const fields = { deliveryId: record.id, event: record.event, status: record.status, err: String(err).split("\n")[0] };
    if (isDatabaseUnavailable(err)) log.warn("could not write the delivery log: database unavailable", fields);
    else log.error("could not write the delivery log", fields);
    return false;
  }
}

/** The realtime reply a delivery answered with, once the rules (run after it committed) chose one. */
export async function recordReply(id: string, reply: Record<string, unknown>): Promise<void> {
  try {
    await db
      .update(deliveries)
      .set({ response: sanitizeJson(reply) })
      .where(eq(deliveries.id, id));
  } catch (err) {
    log.warn("could not record the realtime reply in the delivery log", { deliveryId: id, err: String(err).split("\n")[0] });
  }
}
