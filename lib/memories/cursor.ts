/**
 * Opaque keyset cursors for the memory list and search. A cursor is base64url JSON of
 * the last row's sort key; it is parsed with zod, so a tampered or foreign cursor is a
 * 400 (never a 500, never a silently wrong page).
 *
 * - list:   ordered by (listedAt desc, id desc); listedAt kept as Postgres' own text
 *           with microseconds, because a JS Date would cut it to milliseconds and make
 *           rows within the same millisecond repeat or vanish between pages.
 * - search: ordered by (rank desc, id desc); rank kept as the text of the float4 value
 *           Postgres returned, so `rank < $1::real` compares exactly.
 */
import { z } from "zod";
import { AppError } from "@/lib/api/errors";

const listKey = z.object({ k: z.literal("l"), t: z.string().min(10).max(40), id: z.string().min(1).max(100) });
const searchKey = z.object({
  k: z.literal("s"),
  r: z.string().regex(/^-?\d+(\.\d+)?(e-?\d+)?$/i),
  id: z.string().min(1).max(100),
  /** The query the cursor belongs to: a search cursor on another query is refused. */
  q: z.string().max(500),
});
/** Action items: (memory listedAt desc, memory id desc, item idx asc). */
const actionItemKey = z.object({ k: z.literal("a"), t: z.string(), m: z.string().min(1).max(100), i: z.number().int() });
const cursorSchema = z.discriminatedUnion("k", [listKey, searchKey, actionItemKey]);

export type ListCursor = z.infer<typeof listKey>;
export type SearchCursor = z.infer<typeof searchKey>;
export type ActionItemCursor = z.infer<typeof actionItemKey>;
export type Cursor = z.infer<typeof cursorSchema>;

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c), "utf8").toString("base64url");
}

const badCursor = () => new AppError("bad_request", "The cursor is not valid: start again from the first page");

export function decodeCursor(raw: string): Cursor {
  if (raw.length > 1000 || !/^[A-Za-z0-9_-]+$/.test(raw)) throw badCursor();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw badCursor();
  }
  const parsed = cursorSchema.safeParse(value);
  if (!parsed.success) throw badCursor();
  // The timestamp text goes into a ::timestamptz cast: check it is one before Postgres sees it.
  if ((parsed.data.k === "l" || parsed.data.k === "a") && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(parsed.data.t))
    throw badCursor();
  return parsed.data;
}
