/**
 * Runs an event's SQL function (db/migrations 0004) as one statement: one round trip,
 * committed when it returns (db/client.ts callProcedure). Inside a caller's open
 * transaction instead (tests that hold it open to interleave commits, seeding), it
 * runs as one statement of that transaction.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { callProcedure, rows } from "@/db/client";
import type { DeliveryLogRow, IngestCall, IngestContext, IngestResult, StoreOptions } from "./types";

export async function storeIngest(call: IngestCall, delivery: DeliveryLogRow, on?: StoreOptions["on"]): Promise<IngestResult> {
  const p = JSON.stringify({ ...call.fields, delivery });
  if (on) {
    const [row] = await rows<{ result: IngestResult }>(
      sql`select ${sql.raw(call.procedure)}(${p}::jsonb, ${call.text}::text) as result`,
      on,
    );
    return row!.result;
  }
  return callProcedure<IngestResult>(call.procedure, [
    { type: "jsonb", value: p },
    { type: "text", value: call.text },
  ]);
}

/**
 * The delivery-log fields for data stored outside a webhook request (tests, seeding,
 * imports): no log row unless asked for.
 */
export function unloggedDelivery(event: DeliveryLogRow["event"], ctx: IngestContext, options: StoreOptions = {}): DeliveryLogRow {
  return {
    id: options.deliveryId ?? crypto.randomUUID(),
    event,
    uid: ctx.uid,
    owner: ctx.ownerUserId,
    auth: ctx.ownerUserId ? "personal" : "app",
    signature: "absent",
    key: null,
    target: `/api/webhooks/${event}`,
    headers: {},
    content_type: null,
    size_bytes: 0,
    received_at: ctx.receivedAt.toISOString(),
    log: options.log ?? false,
  };
}
