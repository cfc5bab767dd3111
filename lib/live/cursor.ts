/**
 * The resume cursor of the live transcript. An account may see several streams (its
 * personal-token stream and app-token streams of its verified uids), each with its own
 * gap-safe sequence, so the cursor is every stream's position: "12:340,15:7"
 * (streamId:seq pairs). Clients treat it as opaque; the server parses it strictly.
 */
import { z } from "zod";
import { AppError } from "@/lib/api/errors";

/** streamId → last sequence number the reader has seen. */
export type Cursor = Map<number, number>;

const maxStreams = 200;
const pair = /^(\d{1,15}):(\d{1,15})$/;

export const cursorSchema = z
  .string()
  .trim()
  .max(maxStreams * 32, "The cursor is too long")
  .transform((text, ctx): Cursor => {
    const cursor: Cursor = new Map();
    // "0": a reader that has seen nothing yet (an empty `id:` would clear Last-Event-ID).
    if (text === "" || text === "0") return cursor;
    for (const part of text.split(",")) {
      const m = pair.exec(part);
      const streamId = m ? Number(m[1]) : NaN;
      const seq = m ? Number(m[2]) : NaN;
      if (!m || !Number.isSafeInteger(streamId) || !Number.isSafeInteger(seq) || streamId < 1) {
        ctx.addIssue({ code: "custom", message: "Use the cursor exactly as the server sent it (streamId:seq pairs separated by commas)" });
        return z.NEVER;
      }
      if (cursor.has(streamId)) {
        ctx.addIssue({ code: "custom", message: `Stream ${streamId} appears twice in the cursor` });
        return z.NEVER;
      }
      cursor.set(streamId, seq);
    }
    if (cursor.size > maxStreams) {
      ctx.addIssue({ code: "custom", message: "The cursor names too many streams" });
      return z.NEVER;
    }
    return cursor;
  });

export function formatCursor(cursor: Cursor): string {
  if (cursor.size === 0) return "0";
  return [...cursor.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([stream, seq]) => `${stream}:${seq}`)
    .join(",");
}

/** Parses a client's cursor; garbage is a 400 that says what to send. */
export function parseCursor(text: string): Cursor {
  const parsed = cursorSchema.safeParse(text);
  if (!parsed.success) {
    throw new AppError("bad_request", `Invalid cursor: ${parsed.error.issues[0]?.message ?? "unreadable"}`);
  }
  return parsed.data;
}
