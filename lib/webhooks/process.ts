/**
 * Everything after authentication, as a function: parse and validate the body, dedupe
 * by delivery key, run the event's ingest in ONE transaction, and say what to answer.
 * The route wrapper calls it for live requests; replaying a logged delivery calls it
 * again with `bypassDuplicateCheck` (DESIGN.md "Webhook answers").
 *
 * Idempotency: the delivery key is inserted into delivery_keys inside the ingest
 * transaction with ON CONFLICT DO NOTHING. A concurrent copy blocks on the unique index
 * until the first commits, then finds the conflict and changes nothing; if the first
 * rolls back, the copy goes ahead. A cheap look-up before parsing answers most
 * retries without touching the body.
 */
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { deliveryKeys, type WebhookEvent } from "@/db/schema";
import { AppError, validationError } from "@/lib/api/errors";
import { toAppError } from "@/lib/api/respond";
import type { IngestContext, IngestResult } from "@/lib/ingest/types";
import { log } from "@/lib/log";
import { eventSpecs } from "./events";
import { exceedsJsonDepth, MAX_JSON_DEPTH, sanitizeJson } from "./sanitize";

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

class Duplicate extends Error {}

const jsonType = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const octetType = /^application\/octet-stream\s*(?:;|$)/i;

type Prepared = { run: (ctx: IngestContext) => Promise<IngestResult> };

function toBytes(body: Uint8Array | string): Uint8Array {
  return typeof body === "string" ? new TextEncoder().encode(body) : body;
}

/** Parses and validates; throws AppError 400/415/422. */
export function prepareDelivery(input: Pick<DeliveryInput, "event" | "body" | "contentType" | "query">): Prepared {
  const spec = eventSpecs[input.event];
  const contentType = (input.contentType ?? "").trim();
  if (spec.kind === "audio") {
    if (!octetType.test(contentType)) {
      throw new AppError("unsupported_media_type", "Audio must be sent as Content-Type: application/octet-stream (raw PCM16)");
    }
    const rateText = input.query.sample_rate ?? "";
    const sampleRate = /^\d{1,6}$/.test(rateText.trim()) ? Number(rateText.trim()) : NaN;
    if (!Number.isInteger(sampleRate) || sampleRate < 1000 || sampleRate > 192000) {
      throw new AppError("bad_request", `sample_rate must be an integer from 1000 to 192000 (got ${JSON.stringify(rateText.slice(0, 40))})`, {
        path: "sample_rate",
      });
    }
    const pcm = toBytes(input.body);
    if (pcm.length === 0) throw new AppError("bad_request", "The audio body is empty", { path: "body" });
    if (pcm.length % 2 !== 0) {
      throw new AppError("bad_request", `PCM16 audio needs an even number of bytes (got ${pcm.length})`, { path: "body" });
    }
    return { run: (ctx) => spec.ingest(ctx, { sampleRate, pcm }) };
  }

  if (!jsonType.test(contentType)) {
    throw new AppError("unsupported_media_type", `${spec.what} must be sent as Content-Type: application/json`);
  }
  const text = typeof input.body === "string" ? input.body : new TextDecoder().decode(input.body);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new AppError("bad_request", `The body is not valid JSON: ${(err as Error).message}`);
  }
  const notAnObject = () =>
    new AppError("validation_failed", `${spec.what} is invalid: (root): expected a JSON object`, [{ path: "(root)", message: "Expected a JSON object" }]);
  // Arrays go on to the schema: the realtime event reads a legacy bare array of segments.
  if (parsed === null || typeof parsed !== "object") throw notAnObject();
  if (exceedsJsonDepth(parsed)) {
    const message = `nested deeper than ${MAX_JSON_DEPTH} levels`;
    throw new AppError("validation_failed", `${spec.what} is invalid: (root): ${message}`, [{ path: "(root)", message }]);
  }
  const result = spec.schema.safeParse(sanitizeJson(parsed));
  if (!result.success) throw Array.isArray(parsed) ? notAnObject() : validationError(result.error, spec.what);
  const payload: unknown = result.data;
  return { run: (ctx) => spec.ingest(ctx, payload) };
}

async function keyAlreadyStored(input: DeliveryInput, key: string): Promise<boolean> {
  const [row] = await db
    .select({ key: deliveryKeys.key })
    .from(deliveryKeys)
    .where(
      and(
        eq(deliveryKeys.event, input.event),
        eq(deliveryKeys.uid, input.uid),
        sql`${deliveryKeys.ownerUserId} is not distinct from ${input.ownerUserId}`,
        eq(deliveryKeys.key, key),
      ),
    )
    .limit(1);
  return Boolean(row);
}

export async function processDelivery(input: DeliveryInput): Promise<DeliveryOutcome> {
  const deliveryId = input.deliveryId ?? crypto.randomUUID();
  const receivedAt = input.receivedAt ?? new Date();
  const key = input.deliveryKey && !input.bypassDuplicateCheck ? input.deliveryKey : null;
  // A replay still records its key (when the original failed, none was stored), so a
  // later retry of the same delivery from Omi is recognised as a duplicate.
  const replayKey = input.deliveryKey && input.bypassDuplicateCheck ? input.deliveryKey : null;
  const duplicate: DeliveryOutcome = { status: 200, response: {}, outcome: "duplicate", deliveryId };
  try {
    if (key && (await keyAlreadyStored(input, key))) return duplicate;
    const prepared = prepareDelivery(input);
    const result = await db.transaction(async (tx) => {
      if (key) {
        const inserted = await tx
          .insert(deliveryKeys)
          .values({ event: input.event, uid: input.uid, ownerUserId: input.ownerUserId, key, deliveryId })
          .onConflictDoNothing()
          .returning({ key: deliveryKeys.key });
        // Rolls back: a copy of this delivery was stored first.
        if (inserted.length === 0) throw new Duplicate();
      } else if (replayKey) {
        await tx
          .insert(deliveryKeys)
          .values({ event: input.event, uid: input.uid, ownerUserId: input.ownerUserId, key: replayKey, deliveryId })
          .onConflictDoNothing();
      }
      return prepared.run({ tx, uid: input.uid, ownerUserId: input.ownerUserId, receivedAt, deliveryId });
    });
    return { status: 200, response: { ...result.reply }, outcome: "stored", stored: result.stored, deliveryId };
  } catch (err) {
    if (err instanceof Duplicate) return duplicate;
    return failure(err, deliveryId, { event: input.event, uid: input.uid });
  }
}

export function failure(err: unknown, deliveryId: string, context?: { event?: string; uid?: string }): DeliveryOutcome {
  const e = toAppError(err);
  if (e.code === "internal") log.error("webhook ingest failed", { ...context, deliveryId, err });
  const response = { error: { code: e.code, message: e.message, ...(e.details === undefined ? {} : { details: e.details }) } };
  return {
    status: e.status,
    response,
    headers: e.headers,
    outcome: e.code,
    error: { message: e.code === "internal" ? `${e.message}: ${String(err)}` : e.message, details: e.details },
    deliveryId,
  };
}
