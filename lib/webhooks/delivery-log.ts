/**
 * The delivery log: one row per webhook request, whatever happened to it, so nothing
 * Omi sent is lost and every answer can be explained. Tokens are redacted from the
 * target and headers; the raw JSON body is kept (capped) only for authenticated
 * requests, and never for audio (its bytes live in audio_chunks, linked by id).
 */
import { db } from "@/db/client";
import { isDatabaseUnavailable } from "@/db/errors";
import { deliveries, type Delivery, type WebhookEvent } from "@/db/schema";
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
      target: sanitizeText(redact(record.target)).slice(0, 4000),
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
