/**
 * The contract between the webhook wrapper (lib/webhooks) and each event's ingest
 * function (lib/ingest/<event>.ts). The wrapper authenticates, dedupes by delivery
 * key, validates, opens ONE transaction and calls the event's ingest inside it; the
 * ingest writes everything the event changes through `ctx.tx` and returns what the
 * answer should carry. Nothing in an ingest function reads the request.
 */
import type { Tx } from "@/db/client";

export type IngestContext = {
  /** The open transaction: every write of this delivery goes through it. */
  tx: Tx;
  /** Omi user id from the query string. */
  uid: string;
  /** Account that owns the personal token the delivery came with; null for the app-wide token. */
  ownerUserId: string | null;
  /** Arrival time (the clock that audio and live sessions are derived from). */
  receivedAt: Date;
  /** Id of this request's row in the delivery log. */
  deliveryId: string;
};

export type IngestResult = {
  /** Extra fields of the 200 answer; realtime may set `message` or `notification` (omi-integration.md §2). */
  reply?: Record<string, unknown>;
  /** What was stored, for the delivery log and tests, e.g. { memoryId } or { segments: 3 }. */
  stored?: Record<string, unknown>;
};
