/**
 * Keyset cursor for the newest-first list: (received_at with microseconds, id) of the
 * last row shown. Opaque to clients (base64url); a cursor that does not decode is a 400.
 */
import { AppError } from "@/lib/api/errors";

export type DeliveryCursor = { at: string; id: string };

export function encodeCursor(c: DeliveryCursor): string {
  return Buffer.from(`${c.at}|${c.id}`, "utf8").toString("base64url");
}

export function decodeCursor(text: string): DeliveryCursor {
  const raw = Buffer.from(text, "base64url").toString("utf8");
  const sep = raw.lastIndexOf("|");
  const at = raw.slice(0, sep);
  const id = raw.slice(sep + 1);
  if (sep < 1 || !id || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(at)) {
    throw new AppError("bad_request", "The cursor is not valid: use nextCursor from the previous page", { path: "cursor" });
  }
  return { at, id };
}
