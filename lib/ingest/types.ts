/**
 * The contract between the webhook wrapper (lib/webhooks) and each event's ingest
 * (lib/ingest/<event>.ts). The wrapper authenticates and validates; the ingest turns
 * the validated payload into the arguments of its SQL function (db/migrations 0004,
 * `omi_ingest_<event>`), and lib/ingest/store.ts runs that function as ONE statement:
 * the delivery key, every upsert and the delivery-log row are stored together, in one
 * round trip, or not at all (docs/ARCHITECTURE.md "One round trip per delivery").
 * Nothing in an ingest reads the request.
 */
import type { DbOrTx } from "@/db/client";
import type { WebhookEvent } from "@/lib/constants";

export type IngestProcedure =
  "omi_ingest_memory" | "omi_ingest_realtime" | "omi_ingest_audio" | "omi_ingest_day_summary" | "omi_ingest_button";

export type IngestContext = {
  /** Omi user id from the query string. */
  uid: string;
  /** Account that owns the personal token the delivery came with; null for the app-wide token. */
  ownerUserId: string | null;
  /** Arrival time (the clock that audio and live sessions are derived from). */
  receivedAt: Date;
};

/** What an event's ingest hands to the store. */
export type IngestCall = {
  procedure: IngestProcedure;
  /** The event's normalised values, merged into the function's `p` argument. */
  fields: Record<string, unknown>;
  /** The function's second argument: the JSON body as received, or the audio as base64. */
  text: string | null;
};

/**
 * The delivery-log row the function writes for a stored or duplicate delivery (snake
 * case: read by SQL). Failures are logged by lib/webhooks/delivery-log.ts instead.
 */
export type DeliveryLogRow = {
  id: string;
  event: WebhookEvent;
  uid: string;
  owner: string | null;
  auth: string;
  signature: string;
  key: string | null;
  replay?: boolean;
  replay_of?: string | null;
  /** sha256 of the personal webhook token, checked against the account's current one. */
  token_hash?: string | null;
  target: string;
  headers: Record<string, string>;
  content_type: string | null;
  size_bytes: number;
  received_at: string;
  /** Milliseconds spent before the database call; the function adds its own. */
  prep_ms?: number;
  /** Present: keep this instead of the body (cut to the log's limit, or null for audio). */
  log_body?: string | null;
  body_truncated?: boolean;
  /** false: store the data without a delivery-log row (tests, seeding, imports). */
  log?: boolean;
};

export type LiveChange = { segmentKey: string; text: string };

/** The function's answer. "revoked": the personal token was regenerated meanwhile (401). */
export type IngestResult = {
  outcome: "stored" | "duplicate" | "revoked";
  /** Some account that may be notified has enabled rules: judge them (after commit). */
  rules?: boolean;
  /** What was stored, for the delivery log, rules and tests, e.g. { memoryId } or { segments: 3 }. */
  stored?: Record<string, unknown>;
  /** Realtime: the segments this delivery added or grew, in sequence order. */
  changed?: LiveChange[];
  /** Audio: the recording after this chunk (lib/ingest/audio.ts remembers it to place the next one). */
  recording?: {
    id: string;
    sampleRate: number;
    startedAt: string;
    byteLength: number;
    gaps: { atByte: number; atSeconds: number; missingSeconds: number }[];
  };
};

/** For callers outside the webhook path (tests, seeding): an open transaction to store in, and whether to log. */
export type StoreOptions = { on?: DbOrTx; deliveryId?: string; log?: boolean };
