/** The live transcript in the browser: sessions, a session's lines, the event stream's URL. */
import { useQuery } from "@tanstack/react-query";
import { apiPath, fetchJson } from "@/lib/api/client";
import { liveSegmentsSchema, liveSessionsSchema } from "@/lib/api/schemas/live";

export const liveKeys = {
  all: ["live"] as const,
  sessions: () => [...liveKeys.all, "sessions"] as const,
};

export const fetchLiveSessions = () => fetchJson("/api/v1/live/sessions", liveSessionsSchema);

/** A session's lines so far, with the cursor to stream on from. */
export const fetchLiveSegments = (sessionId: string) => fetchJson(apiPath("/api/v1/live/segments", { sessionId }), liveSegmentsSchema);

/** The SSE stream of new and grown lines, resuming after `cursor` (EventSource sends Last-Event-ID on reconnects). */
export const liveStreamUrl = (cursor: string | null) => apiPath("/api/v1/live/stream", { cursor });

export function useLiveSessions({ refetchInterval }: { refetchInterval?: number } = {}) {
  return useQuery({ queryKey: liveKeys.sessions(), queryFn: fetchLiveSessions, refetchInterval });
}
