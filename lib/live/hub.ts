/**
 * One live-change listener per process, shared by every SSE reader in it.
 *
 * Postgres: a dedicated postgres.js connection LISTENs on LIVE_CHANNEL, on
 * DATABASE_URL_UNPOOLED when set. PGlite: its own listen(). A transaction-mode pooler
 * accepts LISTEN without an error and then never delivers anything (the server
 * connection goes back to the pool), so after LISTEN the hub sends a probe NOTIFY
 * through the app's own connection and waits for it to come back. Where listening
 * fails or the probe never arrives, the hub logs one warning that says what to set and
 * polls live_streams' sequence numbers every 500 ms instead.
 * A notice only says "stream X changed"; readers then read by cursor from the database,
 * so a lost or merged notice can delay a reader but never make it skip a change.
 *
 * `generation` counts notices. Readers woken by the same notice, at the same cursor,
 * share one query (`sharedRead`): with a hundred browsers open on one account, a new
 * segment costs one read, not a hundred. A shared read is only joined by readers woken
 * no later than it started, so it always includes the change that woke them.
 */
import "server-only";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { directUrl, driver, rows } from "@/db/client";
import { log } from "@/lib/log";
import { LIVE_CHANNEL, parseLiveNotice, type LiveNotice } from "./channel";
import { describeDbError } from "@/db/errors";

/** null: anything may have changed (the listener reconnected, or polling started). */
export type NoticeHandler = (notice: LiveNotice | null) => void;

export const POLL_INTERVAL_MS = 500;
/** How long LISTEN may take to hear its own probe NOTIFY before the hub polls instead. */
export const PROBE_TIMEOUT_MS = 3_000;

export type StreamOwner = { uid: string; ownerUserId: string | null };

type Mode = "idle" | "starting" | "listen" | "poll";

class LiveHub {
  private handlers = new Set<NoticeHandler>();
  private stopListening: (() => Promise<void>) | null = null;
  private pollTimer: ReturnType<typeof setInterval> | null = null;
  private polled = new Map<number, number>();
  private inflight = new Map<string, Promise<unknown>>();
  private starting: Promise<void> | null = null;
  private owners = new Map<number, Promise<StreamOwner | null>>();
  private probes = new Map<string, () => void>();
  mode: Mode = "idle";
  generation = 0;

  /** Registers a handler; resolves once notices are flowing (so a catch-up read after it misses nothing). */
  async subscribe(handler: NoticeHandler): Promise<() => void> {
    this.handlers.add(handler);
    await this.start();
    return () => {
      this.handlers.delete(handler);
    };
  }

  get subscribers(): number {
    return this.handlers.size;
  }

  /** Runs `read` once for every caller with the same key until it settles. */
  sharedRead<T>(key: string, read: () => Promise<T>): Promise<T> {
    const k = `${this.generation}|${key}`;
    const existing = this.inflight.get(k) as Promise<T> | undefined;
    if (existing) return existing;
    const p = read().finally(() => this.inflight.delete(k));
    this.inflight.set(k, p);
    return p;
  }

  /**
   * Whose stream this is (cached: a stream's uid and owner never change). Lets a reader
   * ignore other accounts' notices without a query per reader.
   */
  streamOwner(streamId: number): Promise<StreamOwner | null> {
    let p = this.owners.get(streamId);
    if (!p) {
      p = rows<{ uid: string; owner_user_id: string | null }>(sql`select uid, owner_user_id from live_streams where id = ${streamId}`)
        .then((r) => (r[0] ? { uid: r[0].uid, ownerUserId: r[0].owner_user_id } : null))
        .catch(() => {
          this.owners.delete(streamId);
          return null;
        });
      this.owners.set(streamId, p);
      if (this.owners.size > 10_000) this.owners.delete(this.owners.keys().next().value!);
    }
    return p;
  }

  private dispatch(notice: LiveNotice | null): void {
    this.generation += 1;
    for (const h of this.handlers) {
      try {
        h(notice);
      } catch (err) {
        log.error("live notice handler failed", { err: describeDbError(err) });
      }
    }
  }

  private start(): Promise<void> {
    if (this.mode === "listen" || this.mode === "poll") return Promise.resolve();
    this.starting ??= this.listen()
      .then(() => {
        this.mode = "listen";
      })
      .catch((err) => {
        log.warn(`Live updates: ${err instanceof Error ? err.message : String(err)}; polling every ${POLL_INTERVAL_MS} ms instead`);
        return this.poll();
      })
      .finally(() => {
        this.starting = null;
      });
    this.mode = "starting";
    return this.starting;
  }

  private async listen(): Promise<void> {
    const d = driver();
    const onPayload = (payload: string) => {
      const probe = parseProbe(payload);
      if (probe) this.probes.get(probe)?.();
      else this.dispatch(parseLiveNotice(payload));
    };
    if (d.kind === "pglite") {
      const unlisten = await d.client.listen(LIVE_CHANNEL, onPayload);
      this.stopListening = () => unlisten();
    } else {
      const url = directUrl()!;
      const client = postgres(url, { max: 1, connect_timeout: 5, idle_timeout: 0, onnotice: () => {} });
      try {
        // onlisten runs after every (re)connect: notices sent while the connection was
        // down are lost, so wake every reader to read by cursor.
        const meta = await client.listen(LIVE_CHANNEL, onPayload, () => this.dispatch(null));
        this.stopListening = async () => {
          await meta.unlisten().catch(() => {});
          await client.end({ timeout: 2 });
        };
      } catch (err) {
        await client.end({ timeout: 1 }).catch(() => {});
        throw new Error(`LISTEN failed on ${hostOf(url)} (${String(err)})`);
      }
    }
    if (!(await this.probe())) {
      const stop = this.stopListening;
      this.stopListening = null;
      await stop?.().catch(() => {});
      const where = d.kind === "postgres" ? hostOf(directUrl()!) : "the embedded database";
      throw new Error(
        `LISTEN on ${where} did not hear its own NOTIFY within ${PROBE_TIMEOUT_MS / 1000} s, so that connection looks like a ` +
          "transaction pooler; set DATABASE_URL_UNPOOLED to a direct (unpooled) connection for instant live updates",
      );
    }
  }

  /** Sends a probe NOTIFY through the app's connection; true once the listener heard it. */
  private async probe(): Promise<boolean> {
    const id = crypto.randomUUID();
    const heard = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
      this.probes.set(id, () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    try {
      await rows(sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify({ probe: id })})`);
      return await heard;
    } finally {
      this.probes.delete(id);
    }
  }

  private async poll(): Promise<void> {
    this.mode = "poll";
    const tick = async () => {
      try {
        const found = await rows<{ id: string | number; seq: string | number }>(sql`select id, seq from live_streams`);
        for (const r of found) {
          const id = Number(r.id);
          const seq = Number(r.seq);
          if (this.polled.get(id) !== seq) {
            this.polled.set(id, seq);
            this.dispatch({ streamId: id, seq });
          }
        }
      } catch (err) {
        log.warn("polling live changes failed", { err: describeDbError(err) });
      }
    };
    await tick();
    this.pollTimer = setInterval(() => void tick(), POLL_INTERVAL_MS);
    this.pollTimer.unref?.();
  }

  /** Stops listening/polling (tests, shutdown). Subscribers stay registered. */
  async stop(): Promise<void> {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
    const stop = this.stopListening;
    this.stopListening = null;
    this.mode = "idle";
    if (stop) await stop().catch(() => {});
  }
}

const globalForHub = globalThis as unknown as { __omiLiveHub?: LiveHub };

/** The process-wide hub (cached on globalThis so dev hot reloads keep one listener). */
export function liveHub(): LiveHub {
  globalForHub.__omiLiveHub ??= new LiveHub();
  return globalForHub.__omiLiveHub;
}

export type { LiveHub };

/** The probe id of a probe NOTIFY (see listen), or null for a live notice. */
function parseProbe(payload: string): string | null {
  if (!payload.startsWith('{"probe":')) return null;
  try {
    const v = JSON.parse(payload) as { probe?: unknown };
    return typeof v.probe === "string" ? v.probe : null;
  } catch {
    return null;
  }
}

/** host:port/database of a connection string, without credentials, for log lines. */
function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return "the database";
  }
}
