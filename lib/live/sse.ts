/**
 * The live transcript as Server-Sent Events for one reader.
 *
 * No gap, no duplicate: the reader subscribes to the process's hub BEFORE its first
 * read, then reads by cursor (seq > what it has sent, per stream) on every wake. A
 * change committed before the subscription is found by the first read; one committed
 * after wakes it again. Reading by cursor is idempotent, so overlapping wakes cannot
 * duplicate anything, and because sequence numbers commit in order (lib/ingest/realtime)
 * nothing can later appear below the cursor.
 *
 * Every event's `id:` is the whole composite cursor, so EventSource's automatic
 * Last-Event-ID resumes exactly where the browser was.
 */
import type { Scope } from "@/lib/auth/scope";
import { log } from "@/lib/log";
import { formatCursor, type Cursor } from "./cursor";
import { liveHub, type StreamOwner } from "./hub";
import { advance, changesAfter, visibleStreams, type LiveChange } from "./queries";
import { describeDbError } from "@/db/errors";

export const HEARTBEAT_MS = 15_000;
/** Hint for EventSource's reconnect delay. */
export const RETRY_MS = 2_000;
const BATCH = 500;

export type LiveStreamOptions = {
  scope: Scope;
  /** Where the reader is; null: start at each stream's current head (only new changes). */
  cursor: Cursor | null;
  signal: AbortSignal;
  /** Close cleanly after this long (the platform's maxDuration minus a margin). */
  maxMs: number;
  heartbeatMs?: number;
  /** Runs once when the stream ends, however it ends. */
  onClose?: () => void;
};

const encoder = new TextEncoder();

export function segmentEvent(change: LiveChange, cursor: Cursor): string {
  return `event: segment\nid: ${formatCursor(cursor)}\ndata: ${JSON.stringify(change.segment)}\n\n`;
}

/** The rule of lib/auth/scope.ts visibleTo, for one stream already in memory. */
function canSee(scope: Scope, owner: StreamOwner): boolean {
  return owner.ownerUserId === scope.userId || (owner.ownerUserId === null && scope.uids.includes(owner.uid));
}

export function liveEventStream(options: LiveStreamOptions): ReadableStream<Uint8Array> {
  const { scope, signal, maxMs, heartbeatMs = HEARTBEAT_MS, onClose } = options;
  const hub = liveHub();
  let cursor: Cursor = new Map();
  let streams = new Set<number>();
  let closed = false;
  let pumping = false;
  let dirty = false;
  let refreshStreams = false;
  /** Wakes before the first read are covered by it: that read starts after subscribing. */
  let started = false;
  let unsubscribe: (() => void) | null = null;
  const timers: ReturnType<typeof setTimeout>[] = [];
  let controller!: ReadableStreamDefaultController<Uint8Array>;

  const send = (text: string) => {
    if (closed) return;
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      close();
    }
  };

  function close() {
    if (closed) return;
    closed = true;
    for (const t of timers) clearTimeout(t);
    signal.removeEventListener("abort", close);
    unsubscribe?.();
    try {
      controller.close();
    } catch {
      // already closed or cancelled by the client
    }
    onClose?.();
  }

  async function loadStreams(initial: Cursor | null) {
    const heads = await visibleStreams({ scope });
    for (const [id, head] of heads) {
      if (!cursor.has(id)) cursor.set(id, initial === null ? head : (initial.get(id) ?? 0));
    }
    streams = new Set(heads.keys());
    // Positions of streams the reader may no longer see are dropped from its cursor.
    for (const id of cursor.keys()) if (!streams.has(id)) cursor.delete(id);
  }

  /** Reads and sends everything after the cursor; re-runs while wakes arrive meanwhile. */
  async function pump() {
    if (pumping) {
      dirty = true;
      return;
    }
    pumping = true;
    try {
      do {
        dirty = false;
        if (refreshStreams) {
          refreshStreams = false;
          await loadStreams(new Map());
        }
        for (;;) {
          if (closed) return;
          const from = cursor;
          const key = `${[...streams].sort((a, b) => a - b).join(".")}|${formatCursor(from)}`;
          const changes = await hub.sharedRead(key, () => changesAfter({ streams, cursor: from, limit: BATCH }));
          for (const change of changes) {
            if (change.seq <= (cursor.get(change.streamId) ?? 0)) continue;
            cursor = advance(cursor, [change]);
            send(segmentEvent(change, cursor));
          }
          if (changes.length < BATCH) break;
        }
      } while (dirty && !closed);
    } catch (err) {
      log.warn("live stream read failed; closing so the browser reconnects", { err: describeDbError(err) });
      close();
    } finally {
      pumping = false;
    }
  }

  return new ReadableStream<Uint8Array>({
    async start(c) {
      controller = c;
      if (signal.aborted) return close();
      signal.addEventListener("abort", close);
      try {
        unsubscribe = await hub.subscribe((notice) => {
          if (!started) return;
          if (notice && streams.has(notice.streamId)) return void pump();
          if (notice === null) {
            refreshStreams = true;
            return void pump();
          }
          // A stream this reader does not know: a new one of its own, or another account's.
          void hub.streamOwner(notice.streamId).then((owner) => {
            if (owner && canSee(scope, owner)) {
              refreshStreams = true;
              void pump();
            }
          });
        });
        if (closed) return unsubscribe();
        await loadStreams(options.cursor);
      } catch (err) {
        log.warn("live stream could not start", { err: describeDbError(err) });
        return close();
      }
      started = true;
      send(`retry: ${RETRY_MS}\nevent: ready\nid: ${formatCursor(cursor)}\ndata: ${JSON.stringify({ cursor: formatCursor(cursor) })}\n\n`);
      await pump();
      const beat = () => {
        if (closed) return;
        send(": heartbeat\n\n");
        refreshStreams = true; // also the safety net for a notice that never came
        void pump();
        timers.push(setTimeout(beat, heartbeatMs));
      };
      timers.push(setTimeout(beat, heartbeatMs));
      timers.push(
        setTimeout(() => {
          send(`: closing before the platform's time limit; reconnect with Last-Event-ID\nretry: 500\n\n`);
          close();
        }, maxMs),
      );
    },
    cancel() {
      close();
    },
  });
}
