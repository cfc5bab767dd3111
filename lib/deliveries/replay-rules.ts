/**
 * Whether a logged delivery can be run through ingest again, and if not, why (shown
 * beside a disabled Replay button and answered as 409 by the replay route).
 */
import type { Delivery } from "@/db/schema";

export function replayBlockedReason(
  row: Pick<Delivery, "event" | "auth" | "uid" | "body" | "bodyTruncated"> & { access: "own" | "operator" },
): string | null {
  if (row.access === "operator") return "You see this delivery as an operator: it belongs to no account, so it can't be replayed here.";
  if (row.auth === "none") return "Unauthenticated attempts keep no body, so there is nothing to replay.";
  if (row.event === "audio") {
    return "Audio bytes already sit in their recording; replaying would add the same second of audio twice.";
  }
  if (!row.uid) return "It came without a uid, so there is nowhere to store it.";
  if (row.body === null) return "No body was kept for this delivery.";
  if (row.bodyTruncated) return "The body was longer than the log keeps (256 KiB) and was cut, so it can't be sent again whole.";
  return null;
}
