/**
 * Regressions the hostile-input suite (e2e/hostile.spec.ts) found, pinned at the
 * handler level so they fail fast on both database drivers: each was a 500 (or a
 * lost delivery log row) before.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetTables, useTestDb } from "../db";
import { APP_TOKEN, database, deliveryOf, send, setWebhookEnv, UID } from "./harness";
import { exceedsJsonDepth, MAX_JSON_DEPTH } from "@/lib/webhooks/sanitize";
import type { WebhookEvent } from "@/lib/constants";

setWebhookEnv();
useTestDb();

let h: Awaited<ReturnType<typeof database>>;
beforeAll(async () => {
  h = await database();
});
beforeEach(() => resetTables());

const deep = (depth: number) => '{"a":'.repeat(depth) + "1" + "}".repeat(depth);

describe("exceedsJsonDepth", () => {
  it("counts object and array levels without recursing", () => {
    expect(exceedsJsonDepth({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(exceedsJsonDepth({ a: [{ b: {} }] }, 3)).toBe(true);
    expect(exceedsJsonDepth(JSON.parse(deep(100_000)), MAX_JSON_DEPTH)).toBe(true);
    expect(exceedsJsonDepth("text", 0)).toBe(false);
  });
});

describe("webhooks refuse what Postgres cannot store, with the table's answers", () => {
  it.each<WebhookEvent>(["memory", "realtime", "day-summary", "button"])("%s: 10,000-deep nesting is a 422, and logged", async (event) => {
    const sent = await send(event, { body: `{"extra":${deep(10_000)}}` });
    expect(sent.status).toBe(422);
    expect((sent.json.error as { message: string }).message).toMatch(/nested deeper than/);
    expect((await deliveryOf(sent)).status).toBe(422);
  });

  it.each([
    ["a NUL", "?uid=a%00b", /control characters/],
    ["an overlong uid", `?uid=${"u".repeat(201)}`, /longer than 200/],
    ["a blank uid that Next.js re-encoded as +", "?uid=++", /missing/],
  ])("a uid with %s is a 400 naming the uid, and the body is logged", async (_what, query, message) => {
    const sent = await send("button", { query, body: '{"type":"x"}' });
    expect(sent.status).toBe(400);
    expect((sent.json.error as { message: string; details: { path: string } }).message).toMatch(message);
    const row = await deliveryOf(sent);
    expect(row.status).toBe(400);
    expect(row.body).toBe('{"type":"x"}');
  });

  it("a giant (indexed) memory or segment id is a 422, not a btree error", async () => {
    const huge = "ü".repeat(50_000) + "z".repeat(50_000);
    expect((await send("memory", { body: JSON.stringify({ id: huge }) })).status).toBe(422);
    expect(
      (await send("realtime", { body: JSON.stringify({ session_id: UID, segments: [{ id: huge, text: "hi", start: 0, end: 1 }] }) }))
        .status,
    ).toBe(422);
  });

  it("a bad uid without a valid token is still a 401", async () => {
    expect((await send("button", { pathToken: "wrong", query: "?uid=a%00b" })).status).toBe(401);
  });

  it("a JSON error quoting a NUL still gets its delivery log row", async () => {
    const sent = await send("memory", { body: "x\u0000" });
    expect(sent.status).toBe(400);
    expect((await deliveryOf(sent)).status).toBe(400);
  });

  it("a valid delivery still works next to them", async () => {
    expect((await send("button", { query: `?uid=${UID}`, body: "{}" })).status).toBe(200);
    const [row] = await h.rows<{ n: number }>((await import("drizzle-orm")).sql`select count(*)::int as n from button_events`);
    expect(row!.n).toBe(1);
    expect(APP_TOKEN).toBeTruthy();
  });
});
