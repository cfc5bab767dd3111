/**
 * Everything after authentication, as a function: parse and validate the body, store
 * it with its delivery key and log row in ONE statement, judge notification rules once
 * that committed, and say what to answer. The route wrapper calls it for live
 * requests; replaying a logged delivery calls it again with `bypassDuplicateCheck`.
 *
 * A 200 means stored: the answer is built only from the result of the statement that
 * committed the delivery (docs/ARCHITECTURE.md "Webhook answers"). Idempotency: the
 * function records the delivery key inside that statement; a concurrent copy waits on
 * the unique index until the first commits, then finds the key and changes nothing.
 */
import "server-only";
import { dataException, describeDbError, isDatabaseError, isDatabaseUnavailable } from "@/db/errors";
import type { Delivery } from "@/db/schema";
import type { WebhookEvent } from "@/lib/constants";
import { AppError, validationError } from "@/lib/api/errors";
import { errorBody, parseJsonText } from "@/lib/api/json";
import { toAppError } from "@/lib/api/respond";
import { rememberAudio } from "@/lib/ingest/audio";
import { jsonBody, needsSanitising } from "@/lib/ingest/json-body";
import { storeIngest } from "@/lib/ingest/store";
import type { DeliveryLogRow, IngestCall, IngestContext } from "@/lib/ingest/types";
import { log } from "@/lib/log";
import { judgeRulesAfterCommit } from "@/lib/notify/hooks";
import { eventSpecs } from "./events";
import { LOGGED_BODY_MAX_BYTES, loggableBody, loggableTarget, recordDelivery, recordReply } from "./delivery-log";
import { sanitizeJson } from "./sanitize";

/** What is known about the request itself, for its delivery-log row. */
export type DeliveryRequest = {
  /** Path and query as received (redacted when logged). */
  target: string;
  headers: Record<string, string>;
  auth: Delivery["auth"];
  signature: Delivery["signature"];
  sizeBytes: number;
  /** sha256 of the personal webhook token, re-checked inside the statement (a cached token may have been regenerated). */
  tokenHash?: string | null;
  replayOf?: string | null;
};

export type DeliveryInput = {
  event: WebhookEvent;
  uid: string;
  ownerUserId: string | null;
  body: Uint8Array | string;
  contentType: string | null;
  /** Query parameters as parsed by parseWebhookQuery (audio reads sample_rate). */
  query: Record<string, string>;
  deliveryKey: string | null;
  /** Replay: run again even though the key is already stored, and do not store it twice. */
  bypassDuplicateCheck?: boolean;
  deliveryId?: string;
  receivedAt?: Date;
  /** performance.now() when the request arrived (the log's latency). */
  startedAt?: number;
  request: DeliveryRequest;
};

export type DeliveryOutcome = {
  status: number;
  /** The JSON we answer with. */
  response: Record<string, unknown>;
  headers?: Record<string, string>;
  /** "stored", "duplicate", or the error code answered. */
  outcome: string;
  stored?: Record<string, unknown>;
  error?: { message: string; details?: unknown };
  deliveryId: string;
};

const jsonType = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const octetType = /^application\/octet-stream\s*(?:;|$)/i;

function toBytes(body: Uint8Array | string): Uint8Array {
  return typeof body === "string" ? new TextEncoder().encode(body) : body;
}

function toText(body: Uint8Array | string): string {
  return typeof body === "string" ? body : new TextDecoder().decode(body);
}

/** Parses and validates into the event's SQL call; throws AppError 400/415/422. */
export function prepareDelivery(input: Pick<DeliveryInput, "event" | "body" | "contentType" | "query">, ctx: IngestContext): IngestCall {
  const spec = eventSpecs[input.event];
  const contentType = (input.contentType ?? "").trim();
  if (spec.kind === "audio") {
    if (!octetType.test(contentType)) {
      throw new AppError("unsupported_media_type", "Audio must be sent as Content-Type: application/octet-stream (raw PCM16)");
    }
    const rateText = input.query.sample_rate ?? "";
    const sampleRate = /^\d{1,6}$/.test(rateText.trim()) ? Number(rateText.trim()) : NaN;
    if (!Number.isInteger(sampleRate) || sampleRate < 1000 || sampleRate > 192000) {
      throw new AppError(
        "bad_request",
        `sample_rate must be an integer from 1000 to 192000 (got ${JSON.stringify(rateText.slice(0, 40))})`,
        {
          path: "sample_rate",
        },
      );
    }
    const pcm = toBytes(input.body);
    if (pcm.length === 0) throw new AppError("bad_request", "The audio body is empty", { path: "body" });
    if (pcm.length % 2 !== 0) {
      throw new AppError("bad_request", `PCM16 audio needs an even number of bytes (got ${pcm.length})`, { path: "body" });
    }
    return spec.call(ctx, { sampleRate, pcm });
  }

  if (!jsonType.test(contentType)) {
    throw new AppError("unsupported_media_type", `${spec.what} must be sent as Content-Type: application/json`);
  }
  const text = toText(input.body);
  let parsed = parseJsonText(text, spec.what);
  if (parsed === null || typeof parsed !== "object" || (Array.isArray(parsed) && input.event !== "realtime")) {
    throw new AppError("validation_failed", `${spec.what} is invalid: (root): expected a JSON object`, [
      { path: "(root)", message: "Expected a JSON object" },
    ]);
  }
  // Only \u escapes can put U+0000 or a lone surrogate into parsed strings: skip the walk otherwise.
  if (needsSanitising(text)) parsed = sanitizeJson(parsed);
  const result = spec.schema.safeParse(parsed);
  if (!result.success) throw validationError(result.error, spec.what);
  return spec.call(result.data, jsonBody(text, parsed));
}

/** The log row the statement writes when it stores the delivery. */
function logRow(input: DeliveryInput, deliveryId: string, receivedAt: Date): DeliveryLogRow {
  const { request } = input;
  const row: DeliveryLogRow = {
    id: deliveryId,
    event: input.event,
    uid: input.uid,
    owner: input.ownerUserId,
    auth: request.auth,
    signature: request.signature,
    key: input.deliveryKey,
    replay: Boolean(input.bypassDuplicateCheck),
    replay_of: request.replayOf ?? null,
    token_hash: request.tokenHash ?? null,
    target: loggableTarget(request.target),
    headers: request.headers,
    content_type: input.contentType,
    size_bytes: request.sizeBytes,
    received_at: receivedAt.toISOString(),
    prep_ms: input.startedAt === undefined ? 0 : performance.now() - input.startedAt,
  };
  if (eventSpecs[input.event].kind === "audio") return { ...row, log_body: null };
  const bytes = toBytes(input.body);
  // The log keeps the first 256 KiB of a body; the data tables keep all of it.
  if (bytes.byteLength > LOGGED_BODY_MAX_BYTES) {
    const cut = loggableBody(bytes);
    return { ...row, log_body: cut.body, body_truncated: cut.bodyTruncated };
  }
  return row;
}

export async function processDelivery(input: DeliveryInput): Promise<DeliveryOutcome> {
  const deliveryId = input.deliveryId ?? crypto.randomUUID();
  const receivedAt = input.receivedAt ?? new Date();
  const ctx: IngestContext = { uid: input.uid, ownerUserId: input.ownerUserId, receivedAt };
  let outcome: DeliveryOutcome;
  try {
    const call = prepareDelivery(input, ctx);
    const result = await storeIngest(call, logRow(input, deliveryId, receivedAt));
    if (result.outcome === "revoked")
      throw new AppError("unauthorized", "The webhook token is not valid (it may have been regenerated in Settings)");
    // From here on the delivery is committed (or was already): the answer is 200 whatever happens next.
    if (result.outcome === "duplicate") return { status: 200, response: {}, outcome: "duplicate", deliveryId };
    rememberAudio(ctx, result);
    const reply = result.rules ? await judgeRulesAfterCommit(input.event, ctx, result) : {};
    if (Object.keys(reply).length) await recordReply(deliveryId, reply);
    return { status: 200, response: reply, outcome: "stored", stored: result.stored, deliveryId };
  } catch (err) {
    outcome = failure(err, deliveryId, { event: input.event, uid: input.uid });
  }
  await recordDelivery({
    id: deliveryId,
    event: input.event,
    uid: input.uid,
    ownerUserId: input.ownerUserId,
    auth: input.request.auth,
    signature: input.request.signature,
    deliveryKey: input.deliveryKey,
    status: outcome.status,
    outcome: outcome.outcome,
    errorMessage: outcome.error?.message ?? null,
    errorDetails: outcome.error?.details,
    latencyMs: input.startedAt === undefined ? 0 : performance.now() - input.startedAt,
    sizeBytes: input.request.sizeBytes,
    contentType: input.contentType,
    target: input.request.target,
    headers: input.request.headers,
    ...(eventSpecs[input.event].kind === "json" ? loggableBody(toBytes(input.body)) : { body: null, bodyTruncated: false }),
    response: outcome.response,
    replayOf: input.request.replayOf ?? null,
    receivedAt,
  });
  return outcome;
}

/**
 * What to answer for an error. Never a 500 for a database problem: a value Postgres
 * refuses is a 422 naming it; anything else the database did (unavailable, a lost or
 * aborted transaction, an unexpected error) means the delivery was not stored, so 503
 * and Omi retries. Only a bug in our own code is a 500, and it is logged.
 */
export function failure(err: unknown, deliveryId: string, context?: { event?: string; uid?: string }): DeliveryOutcome {
  const e = asWebhookError(err);
  if (e.code === "internal") log.error("webhook ingest failed", { ...context, deliveryId, cause: describeDbError(err) });
  else if (e.code === "service_unavailable") log.warn("webhook not stored", { ...context, deliveryId, cause: describeDbError(err) });
  return {
    status: e.status,
    response: errorBody(e),
    headers: e.headers,
    outcome: e.code,
    error: { message: e.code === "internal" ? `${e.message}: ${describeDbError(err)}` : e.message, details: e.details },
    deliveryId,
  };
}

const retryLater = { "retry-after": "5" };

function asWebhookError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const refused = dataException(err);
  if (refused)
    return new AppError("validation_failed", `A value in the body cannot be stored: ${refused}`, [{ path: "(body)", message: refused }]);
  if (isDatabaseUnavailable(err)) return toAppError(err);
  if (isDatabaseError(err)) {
    return new AppError(
      "service_unavailable",
      "The delivery was not stored because of a database error; try again shortly",
      undefined,
      retryLater,
    );
  }
  return toAppError(err);
}
