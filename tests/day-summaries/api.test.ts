/**
 * GET /api/v1/day-summaries and /api/v1/day-summaries/{date}: validation, scoping
 * (own personal-token rows + app-token rows of linked uids, nothing else), the shape,
 * and the page queries (neighbouring days, memory links). Recaps arrive through the
 * real webhook route.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { resetTables, useTestDb } from "../db";
import { createTestAccount } from "../isolation/accounts";
import { postWebhook } from "../webhooks/sender";
import { fixtureBody, sendDaySummary, summaryFor } from "./seed";

const APP_TOKEN = vi.hoisted(() => {
  // An app token needs Omi credentials (lib/env.ts); nothing here reaches Omi.
  Object.assign(process.env, {
    OMI_WEBHOOK_TOKEN: "recaps-app-token",
    OMI_APP_ID: "test-app",
    OMI_APP_SECRET: "test-app-secret",
    OMI_API_URL: "http://127.0.0.1:9",
  });
  return "recaps-app-token";
});

useTestDb();

type Item = { date: string; uid: string; headline: string | null; content: Record<string, unknown>; stats: Record<string, unknown> };

async function list(query: string, token: string) {
  const { GET } = await import("@/app/api/v1/day-summaries/route");
  const res = await GET(new Request(`http://localhost/api/v1/day-summaries${query}`, { headers: { authorization: `Bearer ${token}` } }));
  return { status: res.status, body: (await res.json()) as { items: Item[]; error?: { code: string; message: string } } };
}

async function byDate(date: string, token: string | null, query = "") {
  const { GET } = await import("@/app/api/v1/day-summaries/[date]/route");
  const headers: HeadersInit = token ? { authorization: `Bearer ${token}` } : {};
  const res = await GET(new Request(`http://localhost/api/v1/day-summaries/${date}${query}`, { headers }), {
    params: Promise.resolve({ date }),
  });
  return { status: res.status, body: (await res.json()) as { items: Item[]; error?: { code: string } } };
}

beforeEach(resetTables);

describe("GET /api/v1/day-summaries", () => {
  it.each([
    ["no dates", ""],
    ["an impossible date", "?from=2026-02-30&to=2026-03-10"],
    ["to before from", "?from=2026-03-10&to=2026-03-01"],
    ["a span over the limit", "?from=2024-01-01&to=2026-01-01"],
    ["a timestamp", "?from=2026-03-01T00:00:00Z&to=2026-03-10"],
  ])("answers 422 for %s", async (_name, query) => {
    const me = await createTestAccount();
    const { status, body } = await list(query, me.apiToken);
    expect(status).toBe(422);
    expect(body.error?.code).toBe("validation_failed");
  });

  it("answers 401 without a token", async () => {
    const { GET } = await import("@/app/api/v1/day-summaries/route");
    const res = await GET(new Request("http://localhost/api/v1/day-summaries?from=2026-03-01&to=2026-03-31"));
    expect(res.status).toBe(401);
  });

  it("lists own and linked recaps in the span, with Omi's object unchanged, and nobody else's", async () => {
    const me = await createTestAccount();
    const other = await createTestAccount();
    await sendDaySummary({ token: me.webhookToken, uid: "uid-personal", date: "2026-03-12" });
    await sendDaySummary({
      token: APP_TOKEN,
      uid: me.uid,
      date: "2026-03-20",
      content: summaryFor("2026-03-20", { headline: "Linked day" }),
    });
    await sendDaySummary({ token: me.webhookToken, uid: "uid-personal", date: "2026-04-02" });
    await sendDaySummary({ token: other.webhookToken, uid: "uid-personal", date: "2026-03-13" });
    await sendDaySummary({ token: APP_TOKEN, uid: "uid-nobody-linked", date: "2026-03-14" });

    const { status, body } = await list("?from=2026-03-01&to=2026-03-31", me.apiToken);
    expect(status).toBe(200);
    expect(body.items.map((i) => [i.date, i.uid])).toEqual([
      ["2026-03-12", "uid-personal"],
      ["2026-03-20", me.uid],
    ]);
    expect(body.items[0]).toEqual({
      date: "2026-03-12",
      uid: "uid-personal",
      headline: "Launch prep day: one blocker, clear plan",
      dayEmoji: "🚀",
      stats: { totalConversations: 4, totalDurationMinutes: 71, actionItemsCount: 3 },
      content: fixtureBody.summary_json,
    });

    const filtered = await list(`?from=2026-03-01&to=2026-04-30&uid=${me.uid}`, me.apiToken);
    expect(filtered.body.items.map((i) => i.headline)).toEqual(["Linked day"]);

    const theirs = await list("?from=2026-03-01&to=2026-03-31", other.apiToken);
    expect(theirs.body.items.map((i) => i.date)).toEqual(["2026-03-13"]);
  });

  it("gives a legacy-only recap the same content as one with summary_json", async () => {
    const me = await createTestAccount();
    await sendDaySummary({ token: me.webhookToken, uid: "u-json", date: "2026-03-12" });
    await sendDaySummary({ token: me.webhookToken, uid: "u-legacy", date: "2026-03-12", legacy: true });
    const { body } = await byDate("2026-03-12", me.apiToken);
    expect(body.items.map((i) => i.uid)).toEqual(["u-json", "u-legacy"]);
    expect(body.items[1]!.content).toEqual(body.items[0]!.content);
    expect(body.items[1]!.stats).toEqual(body.items[0]!.stats);
  });
});

describe("GET /api/v1/day-summaries/{date}", () => {
  it("answers the owner, 404 to another account and 422 for a bad date", async () => {
    const me = await createTestAccount();
    const other = await createTestAccount();
    await sendDaySummary({ token: me.webhookToken, uid: "uid-a", date: "2026-03-12" });

    const own = await byDate("2026-03-12", me.apiToken);
    expect(own.status).toBe(200);
    expect(own.body.items).toHaveLength(1);
    expect(own.body.items[0]!.content.highlights).toHaveLength(2);

    expect((await byDate("2026-03-12", other.apiToken)).status).toBe(404);
    expect((await byDate("2026-03-11", me.apiToken)).status).toBe(404);
    expect((await byDate("2026-03-12", me.apiToken, "?uid=uid-b")).status).toBe(404);
    expect((await byDate("2026-02-31", me.apiToken)).status).toBe(422);
    expect((await byDate("2026-03-12", null)).status).toBe(401);
  });

  it("shows one recap per uid when a personal and an app-token copy are both visible", async () => {
    const me = await createTestAccount();
    await sendDaySummary({ token: APP_TOKEN, uid: me.uid, date: "2026-03-12", content: summaryFor("2026-03-12", { headline: "older" }) });
    await sendDaySummary({
      token: me.webhookToken,
      uid: me.uid,
      date: "2026-03-12",
      content: summaryFor("2026-03-12", { headline: "newer" }),
    });
    const { body } = await byDate("2026-03-12", me.apiToken);
    expect(body.items.map((i) => i.headline)).toEqual(["newer"]);
  });
});

describe("recap page queries", () => {
  it("finds the neighbouring days with a recap, within the account", async () => {
    const me = await createTestAccount();
    const other = await createTestAccount();
    for (const date of ["2026-02-27", "2026-03-12", "2026-04-02"]) await sendDaySummary({ token: me.webhookToken, uid: "u", date });
    await sendDaySummary({ token: other.webhookToken, uid: "u", date: "2026-03-01" });
    const { scopeFor } = await import("@/lib/auth/scope");
    const { adjacentRecapDates, listCalendarDays } = await import("@/lib/day-summaries/queries");
    const scope = await scopeFor(me.userId);
    expect(await adjacentRecapDates({ scope, date: "2026-03-12" })).toEqual({ previous: "2026-02-27", next: "2026-04-02" });
    expect(await adjacentRecapDates({ scope, date: "2026-04-02" })).toEqual({ previous: "2026-03-12", next: null });
    const days = await listCalendarDays({ scope, from: "2026-03-01", to: "2026-03-31" });
    expect(days).toEqual([
      { date: "2026-03-12", uid: "u", headline: fixtureBody.summary_json.headline, dayEmoji: "🚀", minutes: 71, conversations: 4 },
    ]);
  });

  it("links a recap's conversation ids to the memories this account can see", async () => {
    const me = await createTestAccount();
    const other = await createTestAccount();
    const memoryBody = readFileSync(path.resolve(import.meta.dirname, "../fixtures/omi/memory-created.json"), "utf8");
    expect((await postWebhook("memory", { token: me.webhookToken, query: "?uid=u", body: memoryBody })).status).toBe(200);
    const { scopeFor } = await import("@/lib/auth/scope");
    const { memoriesByOmiId } = await import("@/lib/day-summaries/queries");
    const ids = ["6f1c2d9e-4b7a-4f3e-9c21-8d5a7b3e0f42", "d4c3b2a1-0f9e-4d8c-b7a6-5e4f3d2c1b0a"];
    const mine = await memoriesByOmiId({ scope: await scopeFor(me.userId), uid: "u", omiIds: ids });
    expect(Object.keys(mine)).toEqual([ids[0]]);
    expect(mine[ids[0]!]!.title).toBe("Q2 Launch Checklist and Partner Contract");
    expect(await memoriesByOmiId({ scope: await scopeFor(other.userId), uid: "u", omiIds: ids })).toEqual({});
  });
});
