"use client";
/**
 * The /live page's state: the current session's lines, kept fresh by the SSE stream.
 *
 * First paint reads the active session's segments with the cursor to stream on from;
 * then an EventSource resumes by itself (the browser sends Last-Event-ID on every
 * reconnect, which the server prefers over the ?cursor= in the URL). Grown segments
 * replace their line in place (texts only ever grow, so the longer copy wins any race
 * between the first read and the stream). A line from a new session switches to it.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { fetchLiveSegments, fetchLiveSessions, liveKeys, liveStreamUrl } from "@/lib/api/hooks/live";
import { liveSegmentSchema, type LiveSegmentItem } from "@/lib/api/schemas/live";
import { speakerLabel } from "@/lib/speakers";

export type ConnectionState = "connecting" | "connected" | "reconnecting" | "disconnected";

const RETRY_AFTER_CLOSE_MS = 5_000;

export type LiveTranscript = {
  /** False until the first read finished (show a skeleton). */
  loaded: boolean;
  loadError: string | null;
  sessionId: string | null;
  /** In spoken order. */
  lines: LiveSegmentItem[];
  connection: ConnectionState;
  /** The newest new line, for the polite live region. */
  announcement: string;
  reconnect: () => void;
};

function merge(prev: Map<string, LiveSegmentItem>, items: readonly LiveSegmentItem[]): Map<string, LiveSegmentItem> {
  const next = new Map(prev);
  for (const s of items) {
    const old = next.get(s.id);
    if (!old || s.text.length >= old.text.length) next.set(s.id, s);
  }
  return next;
}

export function useLiveTranscript(): LiveTranscript {
  const queryClient = useQueryClient();
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [segments, setSegments] = useState<Map<string, LiveSegmentItem>>(() => new Map());
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  const [announcement, setAnnouncement] = useState("");
  const [attempt, setAttempt] = useState(0);
  const sessionRef = useRef<string | null>(null);
  const knownIds = useRef(new Set<string>());
  /** The last cursor the server sent; null until the first read. */
  const cursorRef = useRef<string | null>(null);

  const reconnect = useCallback(() => setAttempt((a) => a + 1), []);

  useEffect(() => {
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let cancelled = false;

    const showSession = (id: string, items: readonly LiveSegmentItem[], replace: boolean) => {
      sessionRef.current = id;
      setSessionId(id);
      if (replace) knownIds.current = new Set();
      for (const s of items) knownIds.current.add(s.id);
      setSegments((prev) => merge(replace ? new Map() : prev, items));
    };

    async function start() {
      setConnection(cursorRef.current === null ? "connecting" : "reconnecting");
      try {
        if (cursorRef.current === null) {
          const sessions = await fetchLiveSessions();
          queryClient.setQueryData(liveKeys.sessions(), sessions);
          const current = sessions.items.find((s) => s.active);
          if (current) {
            const first = await fetchLiveSegments(current.id);
            if (cancelled) return;
            showSession(current.id, first.items, true);
            cursorRef.current = first.nextCursor;
          }
          setLoadError(null);
          setLoaded(true);
        }
      } catch (err) {
        if (cancelled) return;
        setLoadError(err instanceof Error ? err.message : "The live transcript could not be loaded");
        setConnection("disconnected");
        return;
      }
      if (cancelled) return;

      const cursor = cursorRef.current;
      source = new EventSource(liveStreamUrl(cursor));
      source.addEventListener("open", () => setConnection("connected"));
      source.addEventListener("ready", (e) => {
        cursorRef.current = (e as MessageEvent).lastEventId || cursorRef.current;
        setConnection("connected");
      });
      source.addEventListener("segment", (e) => {
        const event = e as MessageEvent<string>;
        cursorRef.current = event.lastEventId || cursorRef.current;
        const parsed = liveSegmentSchema.safeParse(JSON.parse(event.data));
        if (!parsed.success) return;
        const seg = parsed.data;
        const isNew = !knownIds.current.has(seg.id);
        if (seg.sessionId !== sessionRef.current) {
          // A new session began (or one began between our first read and the stream):
          // show it, and fetch any of its lines that came before this one.
          showSession(seg.sessionId, [seg], true);
          void queryClient.invalidateQueries({ queryKey: liveKeys.sessions() });
          fetchLiveSegments(seg.sessionId)
            .then((r) => {
              if (sessionRef.current !== seg.sessionId) return;
              for (const s of r.items) knownIds.current.add(s.id);
              setSegments((prev) => merge(prev, r.items));
            })
            .catch(() => {});
        } else {
          knownIds.current.add(seg.id);
          setSegments((prev) => merge(prev, [seg]));
        }
        if (isNew) setAnnouncement(`${speakerLabel(seg)}: ${seg.text}`);
      });
      source.addEventListener("error", () => {
        if (!source) return;
        if (source.readyState === EventSource.CLOSED) {
          // The server refused (too many streams, signed out, …): the browser gives up, we retry.
          setConnection("disconnected");
          source.close();
          retryTimer = setTimeout(() => setAttempt((a) => a + 1), RETRY_AFTER_CLOSE_MS);
        } else {
          setConnection("reconnecting");
        }
      });
    }

    void start();
    return () => {
      cancelled = true;
      clearTimeout(retryTimer);
      source?.close();
    };
  }, [attempt, queryClient]);

  const lines = [...segments.values()].sort((a, b) => a.start - b.start);
  return { loaded, loadError, sessionId, lines, connection, announcement, reconnect };
}
