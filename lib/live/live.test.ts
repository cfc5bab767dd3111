import { sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetTables, useTestDb } from "@/tests/db";
import type { TestAccount } from "@/tests/isolation/types";
import { readSse, type SseEvent } from "./sse-client";

useTestDb();

// Imported lazily like every app module here: lib/env must parse DATABASE_URL after useTestDb() set it.
const createTestAccount = async () => (await import("@/tests/isolation/accounts")).createTestAccount();

afterAll(async () => {
  const { liveHub } = await import("./hub");
  await liveHub().stop();
});

beforeEach(async () => {
  await resetTables();
});

const seg = (id: string, text: string, start = 0) => ({ id, text, is_user: false, start, end: start + 1, speaker_id: 1 });

/** Ingests like the webhook would: one transaction per delivery. */
async function deliver(account: TestAccount, segments: object[], { personal = true, receivedAt = new Date() } = {}) {
  const { ingestRealtime } = await import("@/lib/ingest/realtime");
  const { realtimePayloadSchema } = await import("@/lib/omi/realtime-schema");
  const payload = realtimePayloadSchema.parse({ session_id: account.uid, segments });
  return ingestRealtime({ uid: account.uid, ownerUserId: personal ? account.userId : null, receivedAt }, payload);
}

async function openStream(account: TestAccount, { lastEventId, cursor }: { lastEventId?: string; cursor?: string } = {}) {
  const { GET } = await import("@/app/api/v1/live/stream/route");
  const abort = new AbortController();
  const headers = new Headers({ authorization: `Bearer ${account.apiToken}` });
  if (lastEventId) headers.set("last-event-id", lastEventId);
  const url = `http://localhost/api/v1/live/stream${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`;
  const res = await GET(new Request(url, { headers, signal: abort.signal }));
  const events = res.body ? readSse(res.body) : null;
  return { res, events, close: () => abort.abort() };
}

/** Reads events until `n` segment events arrived; fails the test after `ms`. */
async function take(events: AsyncGenerator<SseEvent>, n: number, ms = 5_000): Promise<SseEvent[]> {
  const got: SseEvent[] = [];
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`only ${got.length} of ${n} events arrived`)), ms));
  while (got.length < n) {
    const next = await Promise.race([events.next(), timeout]);
    if (next.done) throw new Error(`stream ended after ${got.length} of ${n} events`);
    if (next.value.event === "segment") got.push(next.value);
  }
  return got;
}

async function ready(events: AsyncGenerator<SseEvent>): Promise<string> {
  const first = await events.next();
  expect(first.value?.event).toBe("ready");
  return first.value!.id!;
}

const texts = (events: SseEvent[]) => events.map((e) => (JSON.parse(e.data) as { text: string }).text);

describe("cursor", () => {
  it("parses and formats composite cursors", async () => {
    const { cursorSchema, formatCursor } = await import("./cursor");
    const c = cursorSchema.parse("15:7,12:340");
    expect([...c.entries()]).toEqual([
      [15, 7],
      [12, 340],
    ]);
    expect(formatCursor(c)).toBe("12:340,15:7");
    expect(cursorSchema.parse("").size).toBe(0);
    expect(formatCursor(cursorSchema.parse("0"))).toBe("0");
  });

  it("refuses garbage", async () => {
    const { cursorSchema } = await import("./cursor");
    for (const bad of ["abc", "1:2:3", "1:2,1:3", "0:5", "-1:2", "1:2,", "1:99999999999999999", "1: 2", "1:2;3:4"]) {
      expect(cursorSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe("GET /api/v1/live/stream", () => {
  it("answers 401 without an account and 400 for a garbage cursor", async () => {
    const { GET } = await import("@/app/api/v1/live/stream/route");
    const anon = await GET(new Request("http://localhost/api/v1/live/stream"));
    expect(anon.status).toBe(401);
    expect(await anon.json()).toMatchObject({ error: { code: "unauthorized" } });
    const account = await createTestAccount();
    const bad = await openStream(account, { lastEventId: "not-a-cursor" });
    expect(bad.res.status).toBe(400);
    expect(await bad.res.json()).toMatchObject({ error: { code: "bad_request" } });
  });

  it("streams as text/event-stream: catch-up after the cursor, then live changes, no gap, no duplicate", async () => {
    const account = await createTestAccount();
    await deliver(account, [seg("a", "one", 0), seg("b", "two", 1), seg("c", "three", 2)]);
    const { changesAfter, visibleStreams } = await import("./queries");
    const { scopeFor } = await import("@/lib/auth/scope");
    const streams = await visibleStreams({ scope: await scopeFor(account.userId) });
    const [streamId] = [...streams.keys()];
    const { res, events, close } = await openStream(account, { lastEventId: `${streamId}:1` });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(res.headers.get("cache-control")).toBe("no-cache, no-transform");
    await ready(events!);
    const caught = await take(events!, 2);
    expect(texts(caught)).toEqual(["two", "three"]);
    expect(caught[1]!.id).toBe(`${streamId}:3`);

    await deliver(account, [seg("a", "one more", 0), seg("d", "four", 3)]);
    await deliver(account, [seg("d", "four")]); // same text: no event
    await deliver(account, [seg("e", "five", 4)]);
    const live = await take(events!, 3);
    expect(texts(live)).toEqual(["one more", "four", "five"]);
    expect(live.map((e) => e.id)).toEqual([`${streamId}:4`, `${streamId}:5`, `${streamId}:6`]);
    const data = JSON.parse(live[0]!.data) as Record<string, unknown>;
    expect(Object.keys(data).sort()).toEqual(["end", "id", "isUser", "sessionId", "speaker", "speakerId", "start", "text", "uid"]);
    expect(data).toMatchObject({ uid: account.uid, speakerId: 1, isUser: false, start: 0, end: 1 });
    close();
    expect(await changesAfter({ streams: [streamId!], cursor: new Map([[streamId!, 6]]) })).toEqual([]);
  });

  it("without a cursor starts at the head; ?cursor= works like Last-Event-ID", async () => {
    const account = await createTestAccount();
    await deliver(account, [seg("a", "old")]);
    const first = await openStream(account);
    const cursor = await ready(first.events!);
    await deliver(account, [seg("b", "new", 1)]);
    expect(texts(await take(first.events!, 1))).toEqual(["new"]);
    first.close();
    const again = await openStream(account, { cursor });
    await ready(again.events!);
    expect(texts(await take(again.events!, 1))).toEqual(["new"]);
    again.close();
  });

  it("shows app-token data of a verified uid beside the personal stream, with a composite cursor", async () => {
    const account = await createTestAccount();
    const other = await createTestAccount();
    const { events, close } = await openStream(account, { cursor: "0" });
    await ready(events!);
    await deliver(account, [seg("p", "personal")]);
    await deliver(account, [seg("q", "app token")], { personal: false });
    await deliver(other, [seg("x", "someone else")]);
    await deliver(other, [seg("y", "someone else's app data")], { personal: false });
    await deliver(account, [seg("r", "personal again", 2)]);
    const got = await take(events!, 3);
    // Each stream arrives in order; two streams interleave as their notices are read.
    expect([...texts(got)].sort()).toEqual(["app token", "personal", "personal again"]);
    expect(texts(got).indexOf("personal")).toBeLessThan(texts(got).indexOf("personal again"));
    expect(got[2]!.id).toMatch(/^\d+:2,\d+:1$|^\d+:1,\d+:2$/);
    close();
  });

  it("caps open streams per account and frees the slot when one closes", async () => {
    const { env } = await import("@/lib/env");
    const { openStreams } = await import("./limits");
    const account = await createTestAccount();
    const open = [];
    for (let i = 0; i < env.LIVE_MAX_STREAMS_PER_ACCOUNT; i++) open.push(await openStream(account));
    const over = await openStream(account);
    expect(over.res.status).toBe(429);
    expect(await over.res.json()).toMatchObject({ error: { code: "rate_limited" } });
    open[0]!.close();
    await expect.poll(() => openStreams(account.userId)).toBe(env.LIVE_MAX_STREAMS_PER_ACCOUNT - 1);
    const again = await openStream(account);
    expect(again.res.status).toBe(200);
    for (const s of [...open, again]) s.close();
    await expect.poll(() => openStreams(account.userId)).toBe(0);
  });

  it("ends cleanly before its time limit with a retry hint", async () => {
    const { liveEventStream } = await import("./sse");
    const { scopeFor } = await import("@/lib/auth/scope");
    const account = await createTestAccount();
    let closed = 0;
    const body = liveEventStream({
      scope: await scopeFor(account.userId),
      cursor: null,
      signal: new AbortController().signal,
      maxMs: 300,
      heartbeatMs: 100,
      onClose: () => closed++,
    });
    const text = await new Response(body).text();
    expect(text).toMatch(/^retry: \d+\nevent: ready\n/);
    expect(text).toContain(": heartbeat\n\n");
    expect(text).toMatch(/retry: 500\n\n$/);
    expect(closed).toBe(1);
  });
});

describe("GET /api/v1/live/segments and /sessions", () => {
  const get = async (path: string, account: TestAccount | null) => {
    const route = path.startsWith("/api/v1/live/sessions")
      ? await import("@/app/api/v1/live/sessions/route")
      : await import("@/app/api/v1/live/segments/route");
    const headers = account ? { authorization: `Bearer ${account.apiToken}` } : undefined;
    return route.GET(new Request(`http://localhost${path}`, { headers }));
  };

  it("pages changes by cursor for polling clients", async () => {
    const account = await createTestAccount();
    await deliver(account, [seg("a", "one"), seg("b", "two", 1), seg("c", "three", 2)]);
    const page1 = await (await get("/api/v1/live/segments?limit=2", account)).json();
    expect(page1.items.map((i: { text: string }) => i.text)).toEqual(["one", "two"]);
    expect(page1.hasMore).toBe(true);
    await deliver(account, [seg("a", "one grown")]);
    const page2 = await (await get(`/api/v1/live/segments?after=${encodeURIComponent(page1.nextCursor)}`, account)).json();
    expect(page2.items.map((i: { text: string }) => i.text)).toEqual(["three", "one grown"]);
    expect(page2.hasMore).toBe(false);
    const page3 = await (await get(`/api/v1/live/segments?after=${encodeURIComponent(page2.nextCursor)}`, account)).json();
    expect(page3.items).toEqual([]);
    expect(page3.nextCursor).toBe(page2.nextCursor);
    expect((await get("/api/v1/live/segments?after=x:y", account)).status).toBe(400);
    expect((await get("/api/v1/live/segments", null)).status).toBe(401);
  });

  it("lists sessions newest first with their memory, and a session's segments in spoken order", async () => {
    const account = await createTestAccount();
    const t0 = new Date(Date.now() - 60 * 60_000);
    await deliver(account, [seg("a", "earlier session")], { receivedAt: t0 });
    await deliver(account, [seg("c", "second", 2), seg("b", "first", 1)]);
    const { db } = await import("@/db/client");
    const { memories } = await import("@/db/schema");
    const { linkSessionsToMemory } = await import("./sessions");
    await db
      .insert(memories)
      .values({ id: "m-live", uid: account.uid, ownerUserId: account.userId, omiId: "o1", title: "Launch sync", raw: {} });
    await linkSessionsToMemory({ tx: db, uid: account.uid, ownerUserId: account.userId, memoryId: "m-live", segmentIds: ["a"] });

    const res = await get("/api/v1/live/sessions", account);
    const { liveSessionsSchema, liveSegmentsSchema } = await import("@/lib/api/schemas/live");
    const list = liveSessionsSchema.parse(await res.json());
    expect(list.items.map((s) => [s.segmentCount, s.active, s.memoryTitle])).toEqual([
      [2, true, null],
      [1, false, "Launch sync"],
    ]);
    const current = liveSegmentsSchema.parse(await (await get(`/api/v1/live/segments?sessionId=${list.items[0]!.id}`, account)).json());
    expect(current.items.map((s) => s.text)).toEqual(["first", "second"]);
    expect(current.nextCursor).toMatch(/^\d+:3$/);

    const stranger = await createTestAccount();
    expect((await get(`/api/v1/live/segments?sessionId=${list.items[0]!.id}`, stranger)).status).toBe(404);
    expect(liveSessionsSchema.parse(await (await get("/api/v1/live/sessions", stranger)).json()).items).toEqual([]);
  });
});

describe("concurrent writers and a resuming reader", () => {
  it("misses no change while deliveries commit concurrently and the reader keeps reconnecting", async () => {
    const { db } = await import("@/db/client");
    const { ingestRealtime } = await import("@/lib/ingest/realtime");
    const account = await createTestAccount();
    const writers = 8;
    const perWriter = 12;
    const expected = new Map<string, string>();

    // Each delivery holds its transaction open a random moment after ingesting, so
    // commits interleave: sequence numbers must still become visible in order.
    const write = async (w: number) => {
      for (let i = 0; i < perWriter; i++) {
        const id = `w${w}-${i}`;
        const grow = i > 0 && i % 4 === 0;
        const segments = [{ id, text: `writer ${w} line ${i}`, is_user: false, start: i, end: i + 1 }];
        if (grow) segments.push({ id: `w${w}-${i - 1}`, text: `writer ${w} line ${i - 1}, grown`, is_user: false, start: i - 1, end: i });
        for (const s of segments) expected.set(s.id, s.text);
        await db.transaction(async (tx) => {
          await ingestRealtime({ uid: account.uid, ownerUserId: account.userId, receivedAt: new Date() }, { segments }, { on: tx });
          await tx.execute(sql`select pg_sleep(${Math.random() * 0.02})`);
        });
      }
    };

    const seen = new Map<string, string>();
    let lastEventId = "0";
    let reconnects = 0;
    const done = Promise.all(Array.from({ length: writers }, (_, w) => write(w)));
    let writing = true;
    void done.finally(() => (writing = false));
    // Read a few events, hang up, resume with Last-Event-ID; until everything arrived.
    while (writing || seen.size < expected.size || [...expected].some(([id, text]) => seen.get(id) !== text)) {
      const { events, close, res } = await openStream(account, { lastEventId });
      expect(res.status).toBe(200);
      reconnects++;
      await ready(events!);
      const got = await take(events!, 1, 10_000).catch((): SseEvent[] => []);
      for (let i = 0; i < 4 && got.length; i++) {
        const more = await Promise.race([events!.next(), new Promise<null>((r) => setTimeout(() => r(null), 200))]);
        if (!more || more.done) break;
        if (more.value.event === "segment") got.push(more.value);
      }
      for (const e of got) {
        const { text } = JSON.parse(e.data) as { text: string };
        const m = /^writer (\d+) line (\d+)/.exec(text);
        if (m) seen.set(`w${m[1]}-${m[2]}`, text);
        lastEventId = e.id!;
      }
      close();
      if (!writing && got.length === 0) break;
    }
    await done;
    expect(reconnects).toBeGreaterThan(3);
    expect(seen.size).toBe(writers * perWriter);
    for (const [id, text] of expected) expect(seen.get(id), id).toBe(text);
  }, 120_000);
});
