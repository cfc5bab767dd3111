/**
 * Button webhook → button_events. The body's shape is unconfirmed, so it is stored
 * whole with its arrival time and logged, nothing more.
 */
import { buttonEvents } from "@/db/schema";
import { log } from "@/lib/log";
import type { ButtonPayload } from "@/lib/omi/button-schema";
import type { IngestContext, IngestResult } from "./types";

export async function ingestButton(ctx: IngestContext, payload: ButtonPayload): Promise<IngestResult> {
  const [row] = await ctx.tx
    .insert(buttonEvents)
    .values({ uid: ctx.uid, ownerUserId: ctx.ownerUserId, body: payload, receivedAt: ctx.receivedAt })
    .returning({ id: buttonEvents.id });
  log.info("button event", { uid: ctx.uid, deliveryId: ctx.deliveryId, keys: Object.keys(payload).slice(0, 20) });
  return { stored: { buttonEventId: row!.id } };
}
