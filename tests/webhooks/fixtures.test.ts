/**
 * Replays every fixture in tests/fixtures/omi (copied from the shared spec) through the
 * real route handlers and checks both the answer and what is stored.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetTables, useTestDb } from "../db";
import { database, deliveryOf, fixtureBody, fixtureJson, fixtureNames, send, setWebhookEnv, tone, UID } from "./harness";

setWebhookEnv();
useTestDb();

let h: Awaited<ReturnType<typeof database>>;
let eq: typeof import("drizzle-orm").eq;
let asc: typeof import("drizzle-orm").asc;
beforeAll(async () => {
  h = await database();
  ({ eq, asc } = await import("drizzle-orm"));
});
beforeEach(() => resetTables());

const MEMORY_ID = "6f1c2d9e-4b7a-4f3e-9c21-8d5a7b3e0f42";

async function memoryRow(omiId = MEMORY_ID) {
  const [m] = await h.db.select().from(h.memories).where(eq(h.memories.omiId, omiId));
  return m!;
}
async function segmentsOf(memoryId: string) {
  return h.db.select().from(h.memorySegments).where(eq(h.memorySegments.memoryId, memoryId)).orderBy(asc(h.memorySegments.idx));
}
async function itemsOf(memoryId: string) {
  return h.db.select().from(h.actionItems).where(eq(h.actionItems.memoryId, memoryId)).orderBy(asc(h.actionItems.idx));
}

describe("every fixture has a replay here", () => {
  it("covers each file in tests/fixtures/omi", () => {
    const covered = [
      "memory-created.json",
      "memory-created-app.json",
      "memory-discarded.json",
      "memory-devtools-trigger.json",
      "realtime-batch-1.json",
      "realtime-batch-2.json",
      "day-summary.json",
    ];
    expect(fixtureNames().sort()).toEqual(covered.sort());
  });
});

describe("memory fixtures", () => {
  it("memory-created.json (developer webhook): stored with segments, speaker names, action items and the raw JSON", async () => {
    const sent = await send("memory", {
      body: fixtureBody("memory-created.json"),
      headers: { "idempotency-key": "5c1f4a55-7f43-4b8e-9a0e-0c2f0e1f3a11" },
    });
    expect(sent.status).toBe(200);
    expect(sent.json).toEqual({});

    const m = await memoryRow();
    expect(m).toMatchObject({
      uid: UID,
      ownerUserId: null,
      title: "Q2 Launch Checklist and Partner Contract",
      emoji: "🚀",
      category: "work",
      source: "omi",
      language: "en",
      folderName: "Work",
      discarded: false,
      actionItemCount: 2,
      revisions: 1,
    });
    expect(m.startedAt?.toISOString()).toBe("2026-03-12T16:41:03.120Z");
    expect(m.durationSeconds).toBeCloseTo(1435.787, 2);
    expect(m.transcriptText).toContain("日本チームにも共有しておきます。");
    expect(m.raw).toEqual(fixtureJson("memory-created.json"));

    const segs = await segmentsOf(m.id);
    expect(segs).toHaveLength(6);
    expect(segs[1]).toMatchObject({
      segmentId: "5a9e3c71-2d4b-4f86-b1e0-7c3d8a6f2e94",
      speakerId: 1,
      speakerName: "Priya Raman",
      isUser: false,
      personId: "0b8e4d21-7c5f-4a10-b6d3-93e2f1a4c7d8",
      start: 4.8,
      end: 9.96,
    });

    const items = await itemsOf(m.id);
    expect(items.map((i) => i.description)).toEqual([
      "Ping the São Paulo partner's legal team about the unsigned contract and cc Alex",
      "Book a review with finance for Tuesday at 3pm",
    ]);
    expect(items[0]!.dueAt?.toISOString()).toBe("2026-03-12T23:59:00.000Z");
    expect(items.every((i) => i.present && i.completedOmi === false && i.completedLocal === null)).toBe(true);

    const log = await deliveryOf(sent);
    expect(log).toMatchObject({
      event: "memory",
      uid: UID,
      auth: "app",
      signature: "absent",
      deliveryKey: "5c1f4a55-7f43-4b8e-9a0e-0c2f0e1f3a11",
      status: 200,
      outcome: "stored",
      contentType: "application/json",
      target: `/api/webhooks/memory/[redacted]?uid=${UID}`,
      bodyTruncated: false,
      response: {},
    });
    expect(log.body).toBe(fixtureBody("memory-created.json"));
    expect(log.sizeBytes).toBe(Buffer.byteLength(fixtureBody("memory-created.json")));
    expect(JSON.stringify(log.headers)).not.toContain("app-wide-test-token");
  });

  it("memory-created-app.json (integration app): same record, no speaker names or folder, keyed by X-Omi-Idempotency-Key", async () => {
    const sent = await send("memory", {
      query: `?token=app-wide-test-token&uid=${UID}`,
      pathToken: null,
      body: fixtureBody("memory-created-app.json"),
      headers: { "x-omi-idempotency-key": `conversation:${MEMORY_ID}:finalization:1` },
    });
    expect(sent.status).toBe(200);
    const m = await memoryRow();
    expect(m).toMatchObject({ title: "Q2 Launch Checklist and Partner Contract", folderName: null, actionItemCount: 2 });
    const segs = await segmentsOf(m.id);
    expect(segs).toHaveLength(6);
    expect(segs.every((s) => s.speakerName === null)).toBe(true);
    expect((await deliveryOf(sent)).deliveryKey).toBe(`conversation:${MEMORY_ID}:finalization:1`);
    expect((await deliveryOf(sent)).target).toBe(`/api/webhooks/memory?token=[redacted]&uid=${UID}`);
  });

  it("memory-discarded.json: stored and flagged discarded", async () => {
    const sent = await send("memory", { body: fixtureBody("memory-discarded.json") });
    expect(sent.status).toBe(200);
    const m = await memoryRow("a91e07c4-55d2-4b8f-9f3a-6c0e2d7b1a95");
    expect(m).toMatchObject({ discarded: true, title: "", overview: "", emoji: "🧠", category: "other", actionItemCount: 0 });
    expect(m.transcriptText).toBe("Mm-hmm.\nOkay.");
    expect(await segmentsOf(m.id)).toHaveLength(2);
  });

  it("memory-devtools-trigger.json (phone): normalised to the same record as the backend's", async () => {
    await send("memory", { body: fixtureBody("memory-created.json") });
    const fromBackend = await memoryRow();
    await resetTables();

    const sent = await send("memory", { body: fixtureBody("memory-devtools-trigger.json") });
    expect(sent.status).toBe(200);
    const m = await memoryRow();
    for (const key of [
      "title",
      "overview",
      "emoji",
      "category",
      "language",
      "discarded",
      "startedAt",
      "finishedAt",
      "transcriptText",
      "actionItemCount",
    ] as const) {
      expect(m[key], key).toEqual(fromBackend[key]);
    }
    expect(m.source).toBe("omi");
    expect(m.omiCreatedAt?.toISOString()).toBe("2026-03-12T17:05:12.418Z");
    const items = await itemsOf(m.id);
    expect(items.map((i) => i.description)).toEqual([
      "Ping the São Paulo partner's legal team about the unsigned contract and cc Alex",
      "Book a review with finance for Tuesday at 3pm",
    ]);
    const segs = await segmentsOf(m.id);
    expect(segs).toHaveLength(6);
    // No Omi ids: stable keys derived from (start, speaker, text), distinct per segment.
    expect(new Set(segs.map((s) => s.segmentId)).size).toBe(6);
    expect(segs[0]!.segmentId).toMatch(/^derived:0:0:[0-9a-f]{16}$/);
  });
});

describe("realtime fixtures", () => {
  it("realtime-batch-1.json then -2.json: every segment stored once, under the uid", async () => {
    const first = await send("realtime", { body: fixtureBody("realtime-batch-1.json"), headers: { "idempotency-key": "rt-1" } });
    const second = await send("realtime", { body: fixtureBody("realtime-batch-2.json"), headers: { "idempotency-key": "rt-2" } });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.json).toEqual({});
    const segs = await h.db.select().from(h.transcriptSegments).orderBy(asc(h.transcriptSegments.seq));
    expect(segs.map((s) => s.segmentId)).toEqual([
      "2c8d4e6f-a1b3-4c5d-9e7f-0a1b2c3d4e5f",
      "9a7b6c5d-4e3f-4a2b-8c1d-0e9f8a7b6c5d",
      "4f5e6d7c-8b9a-4c0d-b1e2-f3a4b5c6d7e8",
      "b0c1d2e3-f4a5-4b6c-8d7e-9f0a1b2c3d4e",
    ]);
    expect(segs.every((s) => s.uid === UID && s.ownerUserId === null)).toBe(true);
    expect(segs[3]!.text).toBe("Then ping their legal team today. 締め切りは金曜日です。");
    expect((await deliveryOf(second)).outcome).toBe("stored");
  });

  it("a bare array of segments (legacy senders) is stored like {segments}", async () => {
    const { segments } = fixtureJson<{ segments: unknown[] }>("realtime-batch-1.json");
    const sent = await send("realtime", { body: JSON.stringify(segments) });
    expect(sent.status).toBe(200);
    expect(sent.json).toEqual({});
    const segs = await h.db.select().from(h.transcriptSegments).orderBy(asc(h.transcriptSegments.seq));
    expect(segs.map((s) => s.segmentId)).toEqual(["2c8d4e6f-a1b3-4c5d-9e7f-0a1b2c3d4e5f", "9a7b6c5d-4e3f-4a2b-8c1d-0e9f8a7b6c5d"]);
    expect((await deliveryOf(sent)).outcome).toBe("stored");
  });

  it("other events still refuse a bare array, naming the root", async () => {
    const sent = await send("memory", { body: "[]" });
    expect(sent.status).toBe(422);
    expect((sent.json.error as { details: { path: string }[] }).details[0]!.path).toBe("(root)");
  });
});

describe("day summary fixture", () => {
  it("day-summary.json: summary_json stored by date with Omi's keys", async () => {
    const sent = await send("day-summary", { body: fixtureBody("day-summary.json") });
    expect(sent.status).toBe(200);
    const [row] = await h.db.select().from(h.daySummaries);
    const body = fixtureJson<{ summary_json: Record<string, unknown> }>("day-summary.json");
    expect(row).toMatchObject({
      uid: UID,
      date: "2026-03-12",
      headline: "Launch prep day: one blocker, clear plan",
      dayEmoji: "🚀",
      totalConversations: 4,
      totalDurationMinutes: 71,
      fromLegacy: false,
    });
    expect(row!.content).toEqual(body.summary_json);
    expect(row!.raw).toEqual(body);
  });

  it("legacy day summary (no summary_json): the Python-literal string gives the same content", async () => {
    const body = fixtureJson<Record<string, unknown>>("day-summary.json");
    const { summary_json, ...legacy } = body;
    const sent = await send("day-summary", { body: JSON.stringify({ ...legacy, created_at: "2026-03-12T22:00:42.117906" }) });
    expect(sent.status).toBe(200);
    const [row] = await h.db.select().from(h.daySummaries);
    expect(row).toMatchObject({ date: "2026-03-12", fromLegacy: true, headline: "Launch prep day: one blocker, clear plan" });
    expect(row!.content).toEqual(summary_json);
  });

  it("summary_json null falls back to the legacy string; a re-send for the same date updates in place", async () => {
    const body = fixtureJson<Record<string, unknown>>("day-summary.json");
    expect((await send("day-summary", { body: JSON.stringify({ ...body, summary_json: null }) })).status).toBe(200);
    expect((await send("day-summary", { body: fixtureBody("day-summary.json") })).status).toBe(200);
    const all = await h.db.select().from(h.daySummaries);
    expect(all).toHaveLength(1);
    expect(all[0]!.fromLegacy).toBe(false);
  });

  it("takes the date from created_at when the summary has none", async () => {
    const sent = await send("day-summary", {
      body: JSON.stringify({ summary: "{'headline': 'Quiet day', 'overview': None}", created_at: "2026-04-02T21:00:00+00:00" }),
    });
    expect(sent.status).toBe(200);
    const [row] = await h.db.select().from(h.daySummaries);
    expect(row).toMatchObject({ date: "2026-04-02", headline: "Quiet day", overview: null, fromLegacy: true });
  });
});

describe("audio (no fixture: raw PCM16)", () => {
  it("stores 1-second chunks in arrival order with sample rate and byte length; the log keeps no bytes", async () => {
    const sent1 = await send("audio", { query: `?sample_rate=16000&uid=${UID}`, body: tone(1) });
    const sent2 = await send("audio", { query: `?sample_rate=16000?uid=${UID}`, body: tone(0.5) });
    expect([sent1.status, sent2.status]).toEqual([200, 200]);
    const chunks = await h.db.select().from(h.audioChunks).orderBy(asc(h.audioChunks.id));
    expect(chunks.map((c) => [c.byteLength, c.sampleRate, c.byteOffset])).toEqual([
      [32000, 16000, 0],
      [16000, 16000, 32000],
    ]);
    expect(chunks[0]!.receivedAt.getTime()).toBeLessThanOrEqual(chunks[1]!.receivedAt.getTime());
    const log = await deliveryOf(sent1);
    expect(log).toMatchObject({ event: "audio", status: 200, body: null, sizeBytes: 32000, audioChunkId: chunks[0]!.id });
  });
});

describe("button", () => {
  it("stores any JSON object whole with its time", async () => {
    const sent = await send("button", { body: JSON.stringify({ event: "double_tap", at: 12.5, nested: { a: [1] } }) });
    expect(sent.status).toBe(200);
    const [row] = await h.db.select().from(h.buttonEvents);
    expect(row).toMatchObject({ uid: UID, body: { event: "double_tap", at: 12.5, nested: { a: [1] } } });
    expect(row!.receivedAt).toBeInstanceOf(Date);
  });
});
