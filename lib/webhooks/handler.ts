/**
 * The one wrapper every Omi webhook route is built with:
 *
 *   export const POST = webhookRoute("memory");
 *
 * Reads the raw body once (capped), authenticates (token and/or X-Omi-Signature),
 * hands the rest to processDelivery (validate, dedupe, ingest in one transaction),
 * writes the delivery log row whatever happened, and answers as DESIGN.md's table
 * says: {} (plus realtime's reply) on success, JSON errors 400/401/413/415/422, 503
 * with Retry-After when the database is away. Never a redirect.
 */
import type { WebhookEvent } from "@/db/schema";
import { json } from "@/lib/api/respond";
import { env } from "@/lib/env";
import { authenticateWebhook, type WebhookAuth } from "./authenticate";
import { BodyTooLarge, readBodyCapped } from "./body";
import { eventSpecs } from "./events";
import { loggableBody, loggableHeaders, recordDelivery } from "./delivery-log";
import { failure, processDelivery, type DeliveryOutcome } from "./process";
import { parseWebhookQuery } from "./query";

type RouteContext = { params?: Promise<Record<string, string | string[] | undefined>> };

export const deliveryKeyHeaders = ["idempotency-key", "x-omi-idempotency-key", "x-omi-delivery"] as const;

/** The first delivery key header present, trimmed and bounded. */
export function deliveryKeyOf(headers: Headers): string | null {
  for (const name of deliveryKeyHeaders) {
    const value = headers.get(name)?.trim();
    if (value) return value.slice(0, 200);
  }
  return null;
}

export function webhookRoute(event: WebhookEvent) {
  return async function POST(req: Request, ctx?: RouteContext): Promise<Response> {
    const started = performance.now();
    const receivedAt = new Date();
    const deliveryId = crypto.randomUUID();
    const url = new URL(req.url);
    const query = parseWebhookQuery(url.search);
    const params = (await ctx?.params) ?? {};
    const pathToken = typeof params.token === "string" && params.token.trim() !== "" ? params.token.trim() : null;
    const token = pathToken ?? query.token;
    const contentType = req.headers.get("content-type");
    const deliveryKey = deliveryKeyOf(req.headers);

    const auth: Partial<WebhookAuth> = {};
    let bytes: Uint8Array | null = null;
    let sizeBytes = Number(req.headers.get("content-length")) || 0;
    let outcome: DeliveryOutcome;
    let authenticated = false;
    try {
      bytes = await readBodyCapped(req, env.WEBHOOK_MAX_BODY_BYTES);
      sizeBytes = bytes.byteLength;
      const who = await authenticateWebhook(
        { token, uid: query.uid, signatureHeader: req.headers.get("x-omi-signature"), body: bytes },
        auth,
      );
      authenticated = true;
      outcome = await processDelivery({
        event,
        uid: query.uid!,
        ownerUserId: who.ownerUserId,
        body: bytes,
        contentType,
        query: query.params,
        deliveryKey,
        deliveryId,
        receivedAt,
      });
    } catch (err) {
      if (err instanceof BodyTooLarge) sizeBytes = err.seenBytes;
      outcome = failure(err, deliveryId, { event });
    }

    // A token that matched is authentication enough to keep the body, even if the uid was missing or unusable.
    // Unauthenticated (or refused-signature) requests keep metadata only; audio bytes live in audio_chunks.
    const tokenButBadUid = (auth.kind === "app" || auth.kind === "personal") && auth.signature !== "invalid" && auth.signature !== "stale";
    const keepBody = (authenticated || tokenButBadUid) && bytes !== null && eventSpecs[event].kind === "json";
    const chunkId = outcome.stored?.chunkId;
    await recordDelivery({
      id: deliveryId,
      event,
      uid: query.uid,
      ownerUserId: auth.ownerUserId ?? null,
      auth: auth.kind ?? "none",
      signature: auth.signature ?? (req.headers.get("x-omi-signature") ? "unchecked" : "absent"),
      deliveryKey,
      status: outcome.status,
      outcome: outcome.outcome,
      errorMessage: outcome.error?.message ?? null,
      errorDetails: outcome.error?.details,
      latencyMs: performance.now() - started,
      sizeBytes,
      contentType,
      target: url.pathname + url.search,
      headers: loggableHeaders(req.headers),
      ...(keepBody && bytes ? loggableBody(bytes) : { body: null, bodyTruncated: false }),
      audioChunkId: chunkId === undefined || chunkId === null ? null : Number(chunkId),
      response: outcome.response,
      receivedAt,
    });

    // The delivery id lets a sender (or a test) find this request in the delivery log.
    return json(outcome.response, { status: outcome.status, headers: { ...outcome.headers, "x-delivery-id": deliveryId } });
  };
}
