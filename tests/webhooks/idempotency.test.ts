/**
 * Idempotency and what survives re-sends: a repeated delivery key answers 200 and
 * changes nothing (also when the copies arrive at once), a re-sent memory keeps what
 * the person ticked here, and text is stored sanitised rather than refused.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetTables, useTestDb } from "../db";
import { database, deliveryOf, fixtureBody, fixtureJson, send, setWebhookEnv, UID } from "./harness";

setWebhookEnv();
useTestDb();

let h: Awaited<ReturnType<typeof database>>;
let eq: typeof import("drizzle-orm").eq;
beforeAll(async () => {
  h = await database();
  ({ eq } = await import("drizzle-orm"));
});
beforeEach(() => resetTables());

describe("delivery keys", () => {
  it.each([
    ["memory", (): string => fixtureBody("memory-created.json"), "memories"],
    ["button", (): string => '{"tap":1}', "buttonEvents"],
    ["day-summary", (): string => fixtureBody("day-summary.json"), "daySummaries"],
  ] as const)("3 concurrent copies of one %s delivery store one record", async (event, body, table) => {
    const results = await Promise.all([1, 2, 3].map(() => send(event, { body: body(), headers: { "idempotency-key": "same-key-1" } })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results.every((r) => JSON.stringify(r.json) === "{}")).toBe(true);
    const rows = await h.db.select().from(h[table]);
    expect(rows).toHaveLength(1);
    if (event === "memory") expect((rows[0] as { revisions: number }).revisions).toBe(1);
    expect(await h.db.select().from(h.deliveryKeys)).toHaveLength(1);
    const outcomes = await Promise.all(results.map(async (r) => (await deliveryOf(r)).outcome));
    expect(outcomes.sort()).toEqual(["duplicate", "duplicate", "stored"]);
  });

  it("each of the three delivery key headers dedupes", async () => {
    for (const header of ["idempotency-key", "x-omi-idempotency-key", "x-omi-delivery"]) {
      await resetTables();
      const first = await send("button", { body: "{}", headers: { [header]: "k-1" } });
      const again = await send("button", { body: "{}", headers: { [header]: "k-1" } });
      expect([first.status, again.status]).toEqual([200, 200]);
      expect(await h.db.select().from(h.buttonEvents)).toHaveLength(1);
      expect((await deliveryOf(again)).outcome).toBe("duplicate");
    }
  });

  it("keys are scoped by event and by uid", async () => {
    await send("button", { body: "{}", headers: { "idempotency-key": "k" } });
    await send("button", { body: "{}", headers: { "idempotency-key": "k" }, query: "?uid=other-uid" });
    await send("day-summary", { body: fixtureBody("day-summary.json"), headers: { "idempotency-key": "k" } });
    expect(await h.db.select().from(h.buttonEvents)).toHaveLength(2);
    expect(await h.db.select().from(h.daySummaries)).toHaveLength(1);
  });

  it("without a key, a re-sent memory is an upsert (revisions 2), never a second memory", async () => {
    await send("memory", { body: fixtureBody("memory-created.json") });
    await send("memory", { body: fixtureBody("memory-created.json") });
    const rows = await h.db.select().from(h.memories);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.revisions).toBe(2);
  });

  it("a delivery that fails inside ingest does not keep its key: the corrected retry is stored", async () => {
    const noDate = JSON.stringify({ summary_json: { headline: "No date anywhere" } });
    const failed = await send("day-summary", { body: noDate, headers: { "idempotency-key": "retry-me" } });
    expect(failed.status).toBe(422);
    expect(await h.db.select().from(h.deliveryKeys)).toHaveLength(0);
    const fixed = await send("day-summary", { body: fixtureBody("day-summary.json"), headers: { "idempotency-key": "retry-me" } });
    expect(fixed.status).toBe(200);
    expect(await h.db.select().from(h.daySummaries)).toHaveLength(1);
  });
});

describe("re-sent memories", () => {
  it("keep an action item the person ticked here, refresh Omi's fields, and keep dropped items as not present", async () => {
    await send("memory", { body: fixtureBody("memory-created.json"), headers: { "idempotency-key": "rev-1" } });
    const [memory] = await h.db.select().from(h.memories);
    const items = await h.db.select().from(h.actionItems).where(eq(h.actionItems.memoryId, memory!.id));
    const ticked = items.find((i) => i.description.startsWith("Book a review"))!;
    const tickedAt = new Date("2026-03-13T09:00:00Z");
    await h.db.update(h.actionItems).set({ completedLocal: true, completedLocalAt: tickedAt }).where(eq(h.actionItems.id, ticked.id));

    // Omi re-finalises: same id, new key, the ticked item still "completed": false, the other item dropped, one new.
    const payload = fixtureJson<{ structured: { title: string; action_items: Record<string, unknown>[] } }>("memory-created.json");
    payload.structured.title = "Q2 Launch (updated)";
    payload.structured.action_items = [payload.structured.action_items[1]!, { description: "Share the launch doc", completed: true }];
    const again = await send("memory", { body: JSON.stringify(payload), headers: { "idempotency-key": "rev-2" } });
    expect(again.status).toBe(200);

    const [after] = await h.db.select().from(h.memories);
    expect(after).toMatchObject({ id: memory!.id, title: "Q2 Launch (updated)", revisions: 2, actionItemCount: 2 });
    const afterItems = await h.db.select().from(h.actionItems).where(eq(h.actionItems.memoryId, memory!.id));
    const byText = Object.fromEntries(afterItems.map((i) => [i.description, i]));
    expect(byText["Book a review with finance for Tuesday at 3pm"]).toMatchObject({
      id: ticked.id,
      completedLocal: true,
      completedLocalAt: tickedAt,
      completedOmi: false,
      present: true,
      idx: 0,
    });
    expect(byText["Share the launch doc"]).toMatchObject({ completedOmi: true, completedLocal: null, present: true });
    expect(byText["Ping the São Paulo partner's legal team about the unsigned contract and cc Alex"]).toMatchObject({ present: false });
    // Segments are replaced by Omi's latest transcript, not appended.
    expect(await h.db.select().from(h.memorySegments).where(eq(h.memorySegments.memoryId, memory!.id))).toHaveLength(6);
  });

  it("ties live sessions holding the memory's segment ids to it", async () => {
    const live = fixtureJson<{ segments: Record<string, unknown>[] }>("realtime-batch-1.json");
    await send("realtime", { body: JSON.stringify(live) });
    const memory = fixtureJson<{ transcript_segments: Record<string, unknown>[] }>("memory-created.json");
    memory.transcript_segments = live.segments;
    const sent = await send("memory", { body: JSON.stringify(memory) });
    expect(sent.status).toBe(200);
    const [m] = await h.db.select().from(h.memories);
    const sessions = await h.db.select().from(h.liveSessions);
    expect(sessions.map((s) => s.memoryId)).toEqual([m!.id]);
  });
});

describe("text Postgres would refuse", () => {
  it("NUL characters and lone surrogates are stored sanitised, not refused", async () => {
    const body = JSON.stringify({
      id: "nul-1",
      structured: { title: "Launch\u0000 plan", overview: "half an emoji: \ud83d." },
      transcript_segments: [{ id: "s1", text: "a\u0000b", is_user: true, start: 0, end: 1 }],
    });
    const sent = await send("memory", { body });
    expect(sent.status).toBe(200);
    const [m] = await h.db.select().from(h.memories);
    expect(m).toMatchObject({ title: "Launch plan", overview: "half an emoji: \ufffd.", transcriptText: "ab" });
    expect((m!.raw as { structured: { title: string } }).structured.title).toBe("Launch plan");
    const log = await deliveryOf(sent);
    expect(log.status).toBe(200);
    expect(log.body).toContain("\\u0000"); // the raw text keeps the escape as sent; only real NULs are dropped
  });

  it("a raw NUL byte in the body is answered (invalid JSON), and the log row is still written", async () => {
    const sent = await send("memory", { body: '{"id":"x\u0000"}' });
    expect(sent.status).toBe(400);
    const log = await deliveryOf(sent);
    expect(log.body).toBe('{"id":"x"}');
  });
});

describe("the delivery log", () => {
  it("caps a large raw body and flags it", async () => {
    const big = JSON.stringify({ id: "big-1", structured: { overview: "x".repeat(300 * 1024) } });
    const sent = await send("memory", { body: big });
    expect(sent.status).toBe(200);
    const log = await deliveryOf(sent);
    expect(log.bodyTruncated).toBe(true);
    expect(log.body!.length).toBe(256 * 1024);
    expect(log.sizeBytes).toBe(big.length);
    expect(log.uid).toBe(UID);
  });
});
