/**
 * GET /api/v1/live/segments?after=<cursor>&limit=: changes for clients that poll.
 * GET /api/v1/live/segments?sessionId=<id>: one session's segments in spoken order, with
 * the cursor to stream on from (the /live page's first paint).
 */
import { notFound } from "@/lib/api/errors";
import { route } from "@/lib/api/handler";
import { liveSegmentsQuery, type LiveSegments } from "@/lib/api/schemas/live";
import { formatCursor, parseCursor } from "@/lib/live/cursor";
import { advance, changesAfter, sessionSegments, visibleStreams } from "@/lib/live/queries";

export const GET = route({ auth: "account", needs: "read", query: liveSegmentsQuery }, async ({ query, scope }): Promise<LiveSegments> => {
  const visible = await scope;
  // Heads are read BEFORE the segments: anything committed after them is above the
  // cursor and arrives on the stream; at worst a segment arrives twice (same id, updated in place).
  const heads = await visibleStreams({ scope: visible });
  if (query.sessionId) {
    const items = await sessionSegments({ scope: visible, sessionId: query.sessionId });
    if (!items) throw notFound("Session");
    return { items, nextCursor: formatCursor(heads), hasMore: false };
  }
  const given = query.after ? parseCursor(query.after) : new Map<number, number>();
  const base = new Map([...heads.keys()].map((id) => [id, given.get(id) ?? 0]));
  const changes = await changesAfter({ streams: heads.keys(), cursor: base, limit: query.limit });
  return {
    items: changes.map((c) => c.segment),
    nextCursor: formatCursor(advance(base, changes)),
    hasMore: changes.length === query.limit,
  };
});
