/**
 * GET /api/v1/live/stream: the signed-in account's live transcript as Server-Sent
 * Events. Resumes from Last-Event-ID (or ?cursor=); see lib/live/sse.ts.
 */
import { AppError } from "@/lib/api/errors";
import { route } from "@/lib/api/handler";
import { liveStreamQuery } from "@/lib/api/schemas/live";
import { env } from "@/lib/env";
import { parseCursor } from "@/lib/live/cursor";
import { acquireStreamSlot } from "@/lib/live/limits";
import { liveEventStream } from "@/lib/live/sse";

export const runtime = "nodejs";
export const maxDuration = 300;
/** End the stream cleanly this long before the platform would cut it. */
const CLOSE_MARGIN_MS = 10_000;

export const GET = route({ auth: "account", needs: "read", query: liveStreamQuery }, async ({ req, user, query, scope }) => {
  // EventSource sends Last-Event-ID on reconnect; it is newer than the ?cursor= in the URL.
  const given = req.headers.get("last-event-id") || query.cursor;
  const cursor = given ? parseCursor(given) : null;
  const release = acquireStreamSlot(user.id);
  if (!release) {
    throw new AppError(
      "rate_limited",
      `At most ${env.LIVE_MAX_STREAMS_PER_ACCOUNT} live streams can be open at once for one account; close another tab or stream`,
      undefined,
      { "retry-after": "10" },
    );
  }
  try {
    const body = liveEventStream({
      scope: await scope,
      cursor,
      signal: req.signal,
      maxMs: maxDuration * 1000 - CLOSE_MARGIN_MS,
      onClose: release,
    });
    return new Response(body, {
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        "x-accel-buffering": "no",
        connection: "keep-alive",
      },
    });
  } catch (err) {
    release();
    throw err;
  }
});
