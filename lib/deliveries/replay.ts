/**
 * Replay: run a logged delivery through ingest again, exactly as the webhook wrapper
 * would after authentication (lib/webhooks/process.ts), but bypassing the duplicate
 * check, and log the attempt as a new delivery whose replayOf points at the original.
 * Ingest upserts (a memory by its Omi id, segments by id, a day summary by date), so
 * replaying a stored memory updates the same memory and creates no second one.
 */
import { AppError, notFound } from "@/lib/api/errors";
import type { DeliveryDetail } from "@/lib/api/schemas/deliveries";
import { processDelivery } from "@/lib/webhooks/process";
import { parseWebhookQuery } from "@/lib/webhooks/query";
import type { DeliveryViewer } from "./access";
import { getDelivery, getOwnDeliveryRow } from "./queries";
import { replayBlockedReason } from "./replay-rules";

export async function replayDelivery({ viewer, id }: { viewer: DeliveryViewer; id: string }): Promise<DeliveryDetail> {
  const row = await getOwnDeliveryRow({ scope: viewer.scope, id });
  if (!row) {
    // An operator may see the row, but it is not theirs to replay; anyone else must not learn it exists.
    const seen = viewer.operator ? await getDelivery({ viewer, id }) : null;
    if (seen?.replayBlockedReason) throw new AppError("conflict", seen.replayBlockedReason);
    throw notFound("Delivery");
  }
  const blocked = replayBlockedReason({ ...row, access: "own" });
  if (blocked || row.uid === null || row.body === null) throw new AppError("conflict", blocked ?? "This delivery can't be replayed");

  const startedAt = performance.now();
  const receivedAt = new Date();
  const deliveryId = crypto.randomUUID();
  const search = row.target.includes("?") ? row.target.slice(row.target.indexOf("?")) : "";
  // processDelivery writes the new row (replayOf = the original) whatever the outcome.
  const outcome = await processDelivery({
    event: row.event,
    uid: row.uid,
    ownerUserId: row.ownerUserId,
    body: row.body,
    contentType: row.contentType,
    query: parseWebhookQuery(search).params,
    deliveryKey: row.deliveryKey,
    bypassDuplicateCheck: true,
    deliveryId,
    receivedAt,
    startedAt,
    request: {
      target: row.target,
      headers: row.headers,
      auth: row.auth,
      // The replay carries the original request's credentials, checked when it first arrived.
      signature: row.signature,
      sizeBytes: row.sizeBytes,
      replayOf: row.id,
    },
  });
  const detail = await getDelivery({ viewer, id: deliveryId });
  if (!detail) {
    throw new AppError("service_unavailable", `The replay ran (answer ${outcome.status}) but its log entry could not be written`);
  }
  return detail;
}
