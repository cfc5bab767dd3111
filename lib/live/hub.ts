/**
 * One live-change listener per process, shared by every SSE reader in it.
 *
 * Postgres: a dedicated postgres.js connection LISTENs on LIVE_CHANNEL, on
 * DATABASE_URL_UNPOOLED when set (poolers drop LISTEN). PGlite: its own listen(). Where
 * listening fails, the hub polls live_streams' sequence numbers every 500 ms instead.
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
import { driver, rows } from "@/db/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { LIVE_CHANNEL, parseLiveNotice, type LiveNotice } from "./channel";

/** null: anything may have changed (the listener reconnected, or polling started). */
export type NoticeHandler = (notice: LiveNotice | null) => void;

export const POLL_INTERVAL_MS = 500;

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
        log.error("live notice handler failed", { err: String(err) });
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
        log.warn("LISTEN unavailable; polling live changes by sequence instead", { err: String(err) });
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
    const onPayload = (payload: string) => this.dispatch(parseLiveNotice(payload));
    if (d.kind === "pglite") {
      const unlisten = await d.client.listen(LIVE_CHANNEL, onPayload);
      this.stopListening = () => unlisten();
      return;
    }
    const url = env.DATABASE_URL_UNPOOLED ?? env.DATABASE_URL!;
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
      throw err;
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
        log.warn("polling live changes failed", { err: String(err) });
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
