/**
 * The one wrapper every Omi webhook route is built with:
 *
 *   export const POST = webhookRoute("memory");
 *
 * In order: the URL's token (cached in process, no database round trip) decides who
 * sent it before anything else; a request that cannot prove itself is answered 401
 * without its body being read, and only counted (lib/webhooks/refusals.ts). Otherwise
 * the body is read once (capped), the signature checked, and processDelivery stores it
 * in one statement together with its delivery-log row. Answers follow
 * docs/ARCHITECTURE.md "Webhook answers": {} (plus realtime's reply) once stored, JSON
 * errors 400/401/413/415/422, 503 with Retry-After when it was not stored. Never a
 * redirect.
 */
import "server-only";
import type { WebhookEvent } from "@/lib/constants";
import { json, toAppError } from "@/lib/api/respond";
import { forgetWebhookToken } from "@/lib/auth/webhook-tokens";
import { env } from "@/lib/env";
import { authenticateWebhook, identifyByToken, mayAuthenticateBySignature, unauthorized, type WebhookAuth } from "./authenticate";
import { BodyTooLarge, readBodyCapped } from "./body";
import { eventSpecs } from "./events";
import { loggableBody, loggableHeaders, recordDelivery } from "./delivery-log";
import { failure, processDelivery, type DeliveryOutcome } from "./process";
import { parseWebhookQuery } from "./query";
import { refuseUnauthenticated } from "./refusals";

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
    const startedAt = performance.now();
    const receivedAt = new Date();
    const deliveryId = crypto.randomUUID();
    const url = new URL(req.url);
    const query = parseWebhookQuery(url.search);
    const params = (await ctx?.params) ?? {};
    const pathToken = typeof params.token === "string" && params.token.trim() !== "" ? params.token.trim() : null;
    const token = pathToken ?? query.token;
    const signatureHeader = req.headers.get("x-omi-signature");
    const contentType = req.headers.get("content-type");
    const deliveryKey = deliveryKeyOf(req.headers);
    const answer = (outcome: DeliveryOutcome) =>
      // The delivery id lets a sender (or a test) find this request in the delivery log.
      json(outcome.response, { status: outcome.status, headers: { ...outcome.headers, "x-delivery-id": outcome.deliveryId } });

    let byToken;
    try {
      byToken = await identifyByToken(token);
    } catch (err) {
      // The token lookup needs the database: unavailable → 503, Omi retries.
      return answer(failure(err, deliveryId, { event }));
    }
    if (byToken.kind === "none" && !mayAuthenticateBySignature(signatureHeader)) {
      return refuseUnauthenticated(req, event, unauthorized(token, signatureHeader));
    }

    const auth: Partial<WebhookAuth> = {};
    let bytes: Uint8Array | null = null;
    let sizeBytes = Number(req.headers.get("content-length")) || 0;
    let who: WebhookAuth;
    try {
      bytes = await readBodyCapped(req, env.WEBHOOK_MAX_BODY_BYTES);
      sizeBytes = bytes.byteLength;
      who = await authenticateWebhook({ byToken, token, uid: query.uid, signatureHeader, body: bytes }, auth);
    } catch (err) {
      if (err instanceof BodyTooLarge) sizeBytes = err.seenBytes;
      // No token, and the signature did not prove the sender (too large to check, or not
      // matching): nothing is known of who sent it, so it is counted, not logged.
      if (byToken.kind === "none") return refuseUnauthenticated(req, event, toAppError(err));
      const outcome = failure(err, deliveryId, { event });
      // A token that matched is authentication enough to keep the body (a refused signature is not).
      const keepBody = auth.signature !== "invalid" && auth.signature !== "stale" && bytes !== null && eventSpecs[event].kind === "json";
      await recordDelivery({
        id: deliveryId,
        event,
        uid: query.uid,
        ownerUserId: auth.ownerUserId ?? null,
        auth: byToken.kind,
        signature: auth.signature ?? (signatureHeader ? "unchecked" : "absent"),
        deliveryKey,
        status: outcome.status,
        outcome: outcome.outcome,
        errorMessage: outcome.error?.message ?? null,
        errorDetails: outcome.error?.details,
        latencyMs: performance.now() - startedAt,
        sizeBytes,
        contentType,
        target: url.pathname + url.search,
        headers: loggableHeaders(req.headers),
        ...(keepBody && bytes ? loggableBody(bytes) : { body: null, bodyTruncated: false }),
        response: outcome.response,
        receivedAt,
      });
      return answer(outcome);
    }

    const outcome = await processDelivery({
      event,
      uid: query.uid!,
      ownerUserId: who.ownerUserId,
      body: bytes,
      contentType,
      query: query.params,
      deliveryKey,
      deliveryId,
      receivedAt,
      startedAt,
      request: {
        target: url.pathname + url.search,
        headers: loggableHeaders(req.headers),
        auth: who.kind,
        signature: who.signature,
        sizeBytes,
        tokenHash: who.kind === "personal" ? byToken.tokenHash : null,
      },
    });
    // The database says this token was regenerated: stop trusting this process's cached copy.
    if (outcome.status === 401 && token && who.kind === "personal") forgetWebhookToken(token);
    return answer(outcome);
  };
}
