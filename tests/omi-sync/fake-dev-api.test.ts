/**
 * The fake Omi's Developer API behaves as Omi's code does (docs/OMI-DEVELOPER-API.md):
 * the sync tests are only as good as this stand-in, so its rules are tested directly.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeOmi, type FakeOmi } from "@/scripts/fake-omi/server";
import { devFake } from "./helpers";

let fake: FakeOmi;
let omi: ReturnType<typeof devFake>;
const KEY = "omi_dev_fake_test_key_0001";

beforeAll(async () => {
  fake = await startFakeOmi();
  omi = devFake(fake);
});
afterAll(() => fake.close());
beforeEach(() => omi.reset());

async function call(path: string, init: RequestInit & { key?: string | null } = {}) {
  const { key = KEY, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (key) headers.set("authorization", `Bearer ${key}`);
  const res = await fetch(`${fake.url}${path}`, { ...rest, headers });
  return { status: res.status, headers: res.headers, body: (await res.json()) as unknown };
}
const list = async (path: string) => (await call(path)).body as Record<string, unknown>[];

describe("fake Omi Developer API", () => {
  it("answers 401 and 403 with Omi's bodies", async () => {
    await omi.seed({ key: KEY, uid: "u", scopes: ["conversations:read"] });
    expect(await call("/v1/dev/user/conversations", { key: null })).toMatchObject({
      status: 401,
      body: { detail: "Missing or invalid Authorization header. Must be 'Bearer API_KEY'" },
    });
    expect(await call("/v1/dev/user/conversations", { key: "omi_dev_nope" })).toMatchObject({
      status: 401,
      body: { detail: "Invalid API Key" },
    });
    expect((await call("/v1/dev/user/conversations", { key: "omi_mcp_abc" })).status).toBe(401);
    expect(await call("/v1/dev/user/action-items")).toMatchObject({
      status: 403,
      body: { detail: "Insufficient permissions. Required scope: action_items:read" },
    });
    await omi.seed({ key: "omi_dev_gated_key_00001", uid: "g", memoriesGate: "Not shared" });
    expect(await call("/v1/dev/user/memories", { key: "omi_dev_gated_key_00001" })).toMatchObject({
      status: 403,
      body: { detail: { enabled: false, reason: "Not shared", consumer: "developer_api" } },
    });
  });

  it("lists conversations as a bare array, newest created_at first, with Omi's clamps and inclusive dates", async () => {
    const { conversations } = await omi.seed({
      key: KEY,
      uid: "u",
      generate: { conversations: 130, segments: 1, spacingMinutes: 60, newest: "2026-11-01T12:00:00Z" },
    });
    const all = await list("/v1/dev/user/conversations?limit=500");
    expect(all).toHaveLength(100);
    expect(all.map((c) => c.id)).toEqual(conversations.slice(0, 100).map((c) => c.id));
    expect(all[0]).not.toHaveProperty("transcript_segments");
    expect(all[0]).not.toHaveProperty("status");
    expect(await list("/v1/dev/user/conversations?limit=100&include_transcript=true")).toHaveLength(25);
    expect((await list("/v1/dev/user/conversations?limit=1&include_transcript=true"))[0]).toHaveProperty("transcript_segments");
    expect((await call("/v1/dev/user/conversations?offset=-1")).status).toBe(422);
    expect((await call("/v1/dev/user/conversations?categories=nonsense")).status).toBe(400);
    // Inclusive on created_at, microseconds and all.
    const third = conversations[2]!.created_at;
    const dated = await list(`/v1/dev/user/conversations?start_date=${encodeURIComponent(third)}&end_date=${encodeURIComponent(third)}`);
    expect(dated.map((c) => c.id)).toEqual([conversations[2]!.id]);
  });

  it("drops locked rows after reading the page (short pages mid-stream); hides discarded and unfinished ones; by id returns discarded", async () => {
    const { conversations } = await omi.seed({
      key: KEY,
      uid: "u",
      generate: { conversations: 30, segments: 1, lockedEvery: 5, discardedEvery: 7 },
    });
    await omi.editConversation(conversations[0]!.id, { status: "processing" });
    const page = await list("/v1/dev/user/conversations?limit=10&offset=10");
    // Listed: finished and not discarded (the first is still processing); the page is rows 10..19 of those.
    const window = conversations
      .filter((c) => !c.discarded)
      .slice(1)
      .slice(10, 20);
    expect(page.length).toBeLessThan(10);
    expect(page.map((c) => c.id)).toEqual(window.filter((c) => !c.locked).map((c) => c.id));
    const discarded = conversations.find((c) => c.discarded && !c.locked)!;
    expect((await call(`/v1/dev/user/conversations/${discarded.id}`)).status).toBe(200);
    const locked = conversations.find((c) => c.locked)!;
    expect(await call(`/v1/dev/user/conversations/${locked.id}`)).toMatchObject({
      status: 404,
      body: { detail: "Conversation not found" },
    });
    expect(await list("/v1/dev/user/conversations?offset=100")).toEqual([]);
  });

  it("caps action items at 2000 rows before the offset; with a date orders by created_at", async () => {
    await omi.seed({
      key: KEY,
      uid: "u",
      scopes: ["conversations:read", "action_items:read", "action_items:write"],
      generate: { conversations: 1050, actionItemsPerConversation: 2, segments: 1 },
    });
    expect(await list("/v1/dev/user/action-items?limit=5000")).toHaveLength(1000);
    expect(await list("/v1/dev/user/action-items?limit=1000&offset=1000")).toHaveLength(1000);
    expect(await list("/v1/dev/user/action-items?limit=1000&offset=2000")).toEqual([]);
    const dated = await list("/v1/dev/user/action-items?limit=50&end_date=2100-01-01T00:00:00Z");
    const times = dated.map((i) => Date.parse(String(i.created_at)));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("PATCH sets and clears completed_at and bumps updated_at; 422 without fields; 404 unknown", async () => {
    await omi.seed({
      key: KEY,
      uid: "u",
      scopes: ["action_items:read", "action_items:write"],
      generate: { conversations: 1, actionItemsPerConversation: 1, segments: 1 },
    });
    const [item] = await list("/v1/dev/user/action-items");
    const patch = (id: string, body: unknown) =>
      call(`/v1/dev/user/action-items/${id}`, {
        method: "PATCH",
        body: JSON.stringify(body),
        headers: { "content-type": "application/json" },
      });
    const done = await patch(item!.id as string, { completed: true });
    expect(done).toMatchObject({ status: 200, body: { completed: true, completed_at: expect.any(String) } });
    expect((done.body as { updated_at: string }).updated_at).not.toBe(item!.updated_at);
    expect((await patch(item!.id as string, { completed: false })).body).toMatchObject({ completed: false, completed_at: null });
    expect((await patch(item!.id as string, {})).status).toBe(422);
    expect(await patch("nope", { completed: true })).toMatchObject({ status: 404, body: { detail: "Action item not found" } });
    expect((await omi.patches()).map((p) => p.status)).toEqual([200, 200, 422, 404]);
  });

  it("counts calls per key and bucket: 429 with Retry-After, X-RateLimit-Limit, Remaining 0; transcripts charge a second bucket; a 503 switch", async () => {
    await omi.seed({ key: KEY, uid: "u", generate: { conversations: 3, segments: 1 } });
    await omi.config({ limits: { conversations_transcript: 2, conversations_list: 3 } });
    expect((await call("/v1/dev/user/conversations?include_transcript=true")).status).toBe(200);
    expect((await call("/v1/dev/user/conversations?include_transcript=true")).status).toBe(200);
    const refused = await call("/v1/dev/user/conversations?include_transcript=true");
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ detail: expect.stringMatching(/^Rate limit exceeded\. Try again in \d+s\.$/) });
    expect(refused.headers.get("x-ratelimit-limit")).toBe("2");
    expect(refused.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // The two transcript calls also used the list bucket: one plain list left.
    expect((await call("/v1/dev/user/conversations")).status).toBe(200);
    expect((await call("/v1/dev/user/conversations")).status).toBe(429);
    await omi.unavailable(true);
    expect(await call("/v1/dev/user/memories")).toMatchObject({ status: 503, body: { detail: "Rate limiter unavailable" } });
  });

  it("hides facts the person rejected; the self-check describes the key", async () => {
    await omi.seed({ key: KEY, uid: "u", generate: { facts: 14 } });
    expect(await list("/v1/dev/user/memories?limit=100")).toHaveLength(12);
    expect((await call("/v1/dev/key")).body).toMatchObject({
      key_prefix: KEY.slice(0, 12),
      scopes: ["conversations:read", "memories:read", "action_items:read"],
    });
  });
});
