/**
 * GET /api/v1/day-summaries and /api/v1/day-summaries/{date}: validation, scoping
 * (own personal-token rows + app-token rows of linked uids, nothing else) and the shape.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { resetTables, useTestDb } from "../db";
import { insertDaySummary, seedAccount, summaryFor } from "./seed";

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
    const { token } = await seedAccount();
    const { status, body } = await list(query, token);
    expect(status).toBe(422);
    expect(body.error?.code).toBe("validation_failed");
  });

  it("answers 401 without a token", async () => {
    const { GET } = await import("@/app/api/v1/day-summaries/route");
    const res = await GET(new Request("http://localhost/api/v1/day-summaries?from=2026-03-01&to=2026-03-31"));
    expect(res.status).toBe(401);
  });

  it("lists own and linked recaps in the span, with Omi's object unchanged, and nobody else's", async () => {
    const me = await seedAccount({ linkUid: "uid-linked" });
    const other = await seedAccount();
    const march = summaryFor("2026-03-12");
    await insertDaySummary({ uid: "uid-personal", ownerUserId: me.user.id, content: march });
    await insertDaySummary({ uid: "uid-linked", content: summaryFor("2026-03-20", { headline: "Linked day" }) });
    await insertDaySummary({ uid: "uid-personal", ownerUserId: me.user.id, content: summaryFor("2026-04-02") });
    await insertDaySummary({ uid: "uid-personal", ownerUserId: other.user.id, content: summaryFor("2026-03-13") });
    await insertDaySummary({ uid: "uid-unlinked", content: summaryFor("2026-03-14") });

    const { status, body } = await list("?from=2026-03-01&to=2026-03-31", me.token);
    expect(status).toBe(200);
    expect(body.items.map((i) => [i.date, i.uid])).toEqual([
      ["2026-03-12", "uid-personal"],
      ["2026-03-20", "uid-linked"],
    ]);
    expect(body.items[0]).toEqual({
      date: "2026-03-12",
      uid: "uid-personal",
      headline: "Launch prep day: one blocker, clear plan",
      dayEmoji: "🚀",
      stats: { totalConversations: 4, totalDurationMinutes: 71, actionItemsCount: 3 },
      content: march,
    });

    const filtered = await list("?from=2026-03-01&to=2026-04-30&uid=uid-linked", me.token);
    expect(filtered.body.items.map((i) => i.headline)).toEqual(["Linked day"]);

    const theirs = await list("?from=2026-03-01&to=2026-03-31", other.token);
    expect(theirs.body.items.map((i) => i.date)).toEqual(["2026-03-13"]);
  });
});

describe("GET /api/v1/day-summaries/{date}", () => {
  it("answers the owner, 404 to another account and 422 for a bad date", async () => {
    const me = await seedAccount();
    const other = await seedAccount();
    await insertDaySummary({ uid: "uid-a", ownerUserId: me.user.id, content: summaryFor("2026-03-12") });

    const own = await byDate("2026-03-12", me.token);
    expect(own.status).toBe(200);
    expect(own.body.items).toHaveLength(1);
    expect(own.body.items[0]!.content.highlights).toHaveLength(2);

    expect((await byDate("2026-03-12", other.token)).status).toBe(404);
    expect((await byDate("2026-03-11", me.token)).status).toBe(404);
    expect((await byDate("2026-03-12", me.token, "?uid=uid-b")).status).toBe(404);
    expect((await byDate("2026-02-31", me.token)).status).toBe(422);
    expect((await byDate("2026-03-12", null)).status).toBe(401);
  });

  it("shows one recap per uid when a personal and an app-token copy are both visible", async () => {
    const me = await seedAccount({ linkUid: "uid-a" });
    await insertDaySummary({ uid: "uid-a", content: summaryFor("2026-03-12", { headline: "older" }) });
    await insertDaySummary({ uid: "uid-a", ownerUserId: me.user.id, content: summaryFor("2026-03-12", { headline: "newer" }) });
    const { body } = await byDate("2026-03-12", me.token);
    expect(body.items.map((i) => i.headline)).toEqual(["newer"]);
  });
});
