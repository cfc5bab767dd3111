/**
 * The MCP tools through the SDK's client (in-process transport, tests/mcp/client.ts):
 * each tool's answer, scopes, other accounts' ids, oversized arguments and errors.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOmi } from "@/scripts/fake-omi/server";
import { useTestDb } from "@/tests/db";
import { call, connect } from "./client";

const fake = await startFakeOmi({ appId: "test-app", apiKey: "test-secret" });
process.env.OMI_API_URL = fake.url;
process.env.OMI_APP_ID = "test-app";
process.env.OMI_APP_SECRET = "test-secret";
process.env.APP_URL = "https://hub.example.test";

useTestDb();
afterAll(() => fake.close());

type Scopes = ("read" | "write" | "notify" | "account")[];

async function account(scopes: Scopes = ["read"]) {
  const { makeAccount } = await import("@/tests/notify/helpers");
  const { createApiToken } = await import("@/lib/accounts/api-tokens");
  const a = await makeAccount();
  const { token } = await createApiToken({ userId: a.userId, name: "assistant", scopes });
  return { ...a, token };
}

async function seed(a: { uid: string; userId: string }) {
  const { seedMemory } = await import("@/tests/memories/seed");
  const { getMemory } = await import("@/lib/memories/queries");
  const id = await seedMemory({
    uid: a.uid,
    title: "Design review",
    overview: "We went through the onboarding flow.",
    category: "work",
    startedAt: new Date("2024-05-14T09:00:00Z"),
    segments: [
      { text: "Priya asked about the zebracorn milestone.", speakerName: "Priya" },
      { text: "I promised to send the deck by Friday.", isUser: true },
      { text: "Then we wrapped up.", speakerId: 2 },
    ],
    actionItems: [{ description: "Send Priya the deck" }],
  });
  const memory = await getMemory({ scope: { userId: a.userId, uids: [a.uid] }, id });
  return { id, actionItemId: memory!.actionItems[0]!.id };
}

describe("MCP tools", () => {
  let reader: Awaited<ReturnType<typeof account>>;
  let memory: Awaited<ReturnType<typeof seed>>;
  beforeAll(async () => {
    reader = await account(["read"]);
    memory = await seed(reader);
  });

  it("lists every tool with the scope it needs", async () => {
    const client = await connect(reader.token);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(
      [
        "complete_action_item",
        "get_day_summary",
        "get_live_transcript",
        "get_memory",
        "list_action_items",
        "list_recordings",
        "search_memories",
        "send_notification",
      ].sort(),
    );
    expect(tools.find((t) => t.name === "complete_action_item")?.description).toMatch(/"write" scope/);
    await client.close();
  });

  it("finds a memory by a word only its transcript has, with the snippet and a dashboard link", async () => {
    const client = await connect(reader.token);
    const found = await call(client, "search_memories", { query: "zebracorn" });
    expect(found.isError).toBe(false);
    expect(found.data.items).toHaveLength(1);
    expect(found.data.items[0]).toMatchObject({
      id: memory.id,
      title: "Design review",
      url: `https://hub.example.test/memories/${memory.id}`,
    });
    expect(found.data.items[0].snippet).toContain("**zebracorn**");
    const filtered = await call(client, "search_memories", { query: "zebracorn", from: "2024-05-15" });
    expect(filtered.data.items).toHaveLength(0);
    const byCategory = await call(client, "search_memories", { category: "work", to: "2024-05-14" });
    expect(byCategory.data.items.map((i: { id: string }) => i.id)).toEqual([memory.id]);
    await client.close();
  });

  it("reads a memory with speakers, action items and a transcript bounded by max_chars", async () => {
    const client = await connect(reader.token);
    const whole = await call(client, "get_memory", { id: memory.id });
    expect(whole.data.transcript.segments.map((s: { speaker: string }) => s.speaker)).toEqual(["Priya", "You", "Speaker 2"]);
    expect(whole.data.actionItems).toEqual([
      { id: memory.actionItemId, description: "Send Priya the deck", completed: false, dueAt: null },
    ]);
    const tail = await call(client, "get_memory", { id: memory.id, segment_offset: 2 });
    expect(tail.data.transcript).toMatchObject({
      totalSegments: 3,
      offset: 2,
      nextOffset: null,
      segments: [{ index: 2, text: "Then we wrapped up." }],
    });

    const { seedMemory } = await import("@/tests/memories/seed");
    const long = await seedMemory({
      uid: reader.uid,
      title: "Long talk",
      segments: Array.from({ length: 5 }, (_, i) => ({ text: `${i}`.repeat(300) })),
    });
    const page1 = await call(client, "get_memory", { id: long, max_chars: 700 });
    expect(page1.data.transcript).toMatchObject({ totalSegments: 5, offset: 0, nextOffset: 2 });
    expect(page1.data.transcript.segments.map((s: { index: number }) => s.index)).toEqual([0, 1]);
    const page2 = await call(client, "get_memory", { id: long, max_chars: 700, segment_offset: 2 });
    expect(page2.data.transcript.segments.map((s: { index: number }) => s.index)).toEqual([2, 3]);
    await client.close();
  });

  it("refuses to complete an action item without the write scope, naming it; completes it with write", async () => {
    const client = await connect(reader.token);
    const refused = await call(client, "complete_action_item", { id: memory.actionItemId });
    expect(refused.isError).toBe(true);
    expect(refused.text).toMatch(/"write" scope/);
    const open = await call(client, "list_action_items", {});
    expect(open.data.items.map((i: { id: string }) => i.id)).toEqual([memory.actionItemId]);

    const { createApiToken } = await import("@/lib/accounts/api-tokens");
    const { token } = await createApiToken({ userId: reader.userId, name: "writer", scopes: ["write"] });
    const writer = await connect(token);
    const done = await call(writer, "complete_action_item", { id: memory.actionItemId });
    expect(done.data).toMatchObject({ id: memory.actionItemId, completed: true });
    expect((await call(client, "list_action_items", { status: "open" })).data.items).toHaveLength(0);
    await call(writer, "complete_action_item", { id: memory.actionItemId, completed: false });
    await client.close();
    await writer.close();
  });

  it("answers another account's ids as not found, and refuses oversized arguments", async () => {
    const stranger = await account(["read", "write"]);
    const client = await connect(stranger.token);
    for (const [tool, args] of [
      ["get_memory", { id: memory.id }],
      ["complete_action_item", { id: memory.actionItemId }],
    ] as const) {
      const r = await call(client, tool, args);
      expect(r.isError, tool).toBe(true);
      expect(r.text, tool).toMatch(/not found/);
    }
    expect((await call(client, "search_memories", { query: "zebracorn" })).data.items).toHaveLength(0);
    const big = await call(client, "search_memories", { query: "x".repeat(5000) });
    expect(big.isError).toBe(true);
    expect(big.text).toMatch(/at most 200 characters/);
    const tooMuch = await call(client, "get_memory", { id: memory.id, max_chars: 10_000_000 });
    expect(tooMuch.isError).toBe(true);
    await client.close();
  });
});

describe("MCP tools over the other kinds of data", () => {
  it("reads the day summary for a date and a span; a missing date is not found", async () => {
    const a = await account(["read"]);
    const { sendDaySummary } = await import("@/tests/day-summaries/seed");
    await sendDaySummary({ token: a.webhookToken, uid: a.uid, date: "2024-06-03" });
    await sendDaySummary({ token: a.webhookToken, uid: a.uid, date: "2024-06-05" });
    const client = await connect(a.token);
    const one = await call(client, "get_day_summary", { date: "2024-06-03" });
    expect(one.isError).toBe(false);
    expect(one.data.items).toHaveLength(1);
    expect(one.data.items[0]).toMatchObject({
      date: "2024-06-03",
      uid: a.uid,
      url: `https://hub.example.test/calendar/2024-06-03?uid=${a.uid}`,
    });
    expect(one.data.items[0].headline).toEqual(expect.any(String));
    const span = await call(client, "get_day_summary", { from: "2024-06-01", to: "2024-06-30" });
    expect(span.data.items.map((i: { date: string }) => i.date)).toEqual(["2024-06-03", "2024-06-05"]);
    const missing = await call(client, "get_day_summary", { date: "2024-06-04" });
    expect(missing).toMatchObject({ isError: true, text: "Day summary for 2024-06-04 not found" });
    expect((await call(client, "get_day_summary", {})).text).toMatch(/Give `date`/);
    expect((await call(client, "get_day_summary", { from: "2024-01-01", to: "2024-06-01" })).text).toMatch(/at most 31 days/);
    expect((await call(client, "get_day_summary", { date: "2024-02-30" })).isError).toBe(true);
    const stranger = await connect((await account(["read"])).token);
    expect((await call(stranger, "get_day_summary", { date: "2024-06-03" })).text).toMatch(/not found/);
    await client.close();
    await stranger.close();
  });

  it("reads the current live session as segments arrive, and a past one by id", async () => {
    const a = await account(["read"]);
    const { webhook, segment } = await import("@/tests/notify/helpers");
    const client = await connect(a.token);
    expect((await call(client, "get_live_transcript")).data).toMatchObject({ session: null, segments: [] });
    await webhook("realtime", a, { session_id: a.uid, segments: [segment("s1", "Good morning everyone", 0)] });
    const first = await call(client, "get_live_transcript");
    expect(first.data.session).toMatchObject({ uid: a.uid, active: true });
    expect(first.data.segments.map((s: { text: string }) => s.text)).toEqual(["Good morning everyone"]);
    await webhook("realtime", a, { session_id: a.uid, segments: [segment("s2", "Let us start with the budget", 3)] });
    const second = await call(client, "get_live_transcript");
    expect(second.data.segments.map((s: { text: string; speaker: string }) => [s.speaker, s.text])).toEqual([
      ["You", "Good morning everyone"],
      ["You", "Let us start with the budget"],
    ]);
    const past = await call(client, "get_live_transcript", { session_id: first.data.session.id, max_segments: 1 });
    expect(past.data).toMatchObject({ omittedEarlier: 1, segments: [{ text: "Let us start with the budget" }] });
    const stranger = await connect((await account(["read"])).token);
    expect((await call(stranger, "get_live_transcript", { session_id: first.data.session.id })).text).toBe("Live session not found");
    await client.close();
    await stranger.close();
  });

  it("lists recordings in a time range with the transcript received meanwhile", async () => {
    const a = await account(["read"]);
    const { POST } = await import("@/app/api/webhooks/audio/[token]/route");
    const { webhook, segment } = await import("@/tests/notify/helpers");
    for (let i = 0; i < 2; i++) {
      const res = await POST(
        new Request(`http://localhost/api/webhooks/audio/${a.webhookToken}?sample_rate=16000&uid=${a.uid}`, {
          method: "POST",
          headers: { "content-type": "application/octet-stream" },
          body: new Uint8Array(32000),
        }),
        { params: Promise.resolve({ token: a.webhookToken }) },
      );
      expect(res.status).toBe(200);
      if (i === 0) await webhook("realtime", a, { session_id: a.uid, segments: [segment("r1", "Recorded line", 0)] });
    }
    const client = await connect(a.token);
    const today = new Date().toISOString().slice(0, 10);
    const listed = await call(client, "list_recordings", { from: today, to: today });
    expect(listed.isError).toBe(false);
    expect(listed.data.items).toHaveLength(1);
    const [rec] = listed.data.items;
    expect(rec).toMatchObject({ uid: a.uid, durationSeconds: 2, url: `https://hub.example.test/audio?r=${rec.id}` });
    expect(rec.transcript.segments).toEqual([{ offsetSeconds: expect.any(Number), speaker: "You", text: "Recorded line" }]);
    expect((await call(client, "list_recordings", { to: "2000-01-01" })).data.items).toHaveLength(0);
    await client.close();
  });

  it("sends a notification to the account's verified uid with the notify scope only", async () => {
    const a = await account(["read", "notify"]);
    const client = await connect(a.token);
    const sent = await call(client, "send_notification", { message: "Stand-up in 5", deep_link: "/action-items" });
    expect(sent.isError, sent.text).toBe(false);
    expect(sent.data).toMatchObject({ uid: a.uid, status: "sent" });
    const received = (await (await fetch(`${fake.url}/__fake/notifications`)).json()) as { uid: string; message: string }[];
    expect(received.filter((n) => n.uid === a.uid).map((n) => n.message)).toEqual(["Stand-up in 5\nhttps://hub.example.test/action-items"]);
    // Omi's limit: a second one within 30 s is held, not sent.
    expect((await call(client, "send_notification", { message: "Again" })).data.status).toBe("held");
    const other = await account(["read"]);
    expect((await call(client, "send_notification", { uid: other.uid, message: "Not yours" })).text).toMatch(/no verified link/);
    const readOnly = await connect(other.token);
    expect((await call(readOnly, "send_notification", { message: "hi" })).text).toMatch(/"notify" scope/);
    const { settleBackground } = await import("@/lib/notify/background");
    await settleBackground();
    await client.close();
    await readOnly.close();
  });

  it("serves a memory and a day summary as resources", async () => {
    const a = await account(["read"]);
    const { id } = await seed(a);
    const { sendDaySummary } = await import("@/tests/day-summaries/seed");
    await sendDaySummary({ token: a.webhookToken, uid: a.uid, date: "2024-07-01" });
    const client = await connect(a.token);
    const templates = (await client.listResourceTemplates()).resourceTemplates.map((t) => t.uriTemplate);
    expect(templates.sort()).toEqual(["omi-hub://day-summaries/{date}", "omi-hub://memories/{id}"]);
    const mem = await client.readResource({ uri: `omi-hub://memories/${id}` });
    expect(JSON.parse((mem.contents[0] as { text: string }).text)).toMatchObject({ id, title: "Design review" });
    const day = await client.readResource({ uri: "omi-hub://day-summaries/2024-07-01" });
    expect(JSON.parse((day.contents[0] as { text: string }).text).items[0]).toMatchObject({ date: "2024-07-01" });
    await expect(client.readResource({ uri: "omi-hub://memories/not-a-memory" })).rejects.toThrow(/Memory not found/);
    await client.close();
  });
});

describe("/api/mcp authentication", () => {
  const post = async (headers: Record<string, string>, body: unknown = { jsonrpc: "2.0", id: 1, method: "tools/list" }) => {
    const { mcpFetch } = await import("./client");
    return mcpFetch("http://hub.test/api/mcp", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  };

  it("answers 401 with the WWW-Authenticate challenge the MCP spec expects", async () => {
    const none = await post({});
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe(
      'Bearer realm="Omi Hub", resource_metadata="https://hub.example.test/.well-known/oauth-protected-resource/api/mcp"',
    );
    expect(await none.json()).toMatchObject({ error: { code: "unauthorized" } });
    const bad = await post({ authorization: "Bearer oht_unknown" });
    expect(bad.status).toBe(401);
    expect(bad.headers.get("www-authenticate")).toMatch(/error="invalid_token", error_description="The API token is not valid/);

    const { createApiToken } = await import("@/lib/accounts/api-tokens");
    const a = await account(["read"]);
    const { token } = await createApiToken({ userId: a.userId, name: "old", scopes: ["read"], expiresAt: new Date(Date.now() - 1) });
    const expired = await post({ authorization: `Bearer ${token}` });
    expect(expired.status).toBe(401);
    expect(expired.headers.get("www-authenticate")).toMatch(/error_description="This API token expired on/);

    const { GET } = await import("@/app/.well-known/oauth-protected-resource/api/mcp/route");
    const meta = await GET(new Request("http://hub.test/.well-known/oauth-protected-resource/api/mcp"));
    expect(await meta.json()).toMatchObject({ resource: "https://hub.example.test/api/mcp", bearer_methods_supported: ["header"] });
  });

  it("stops working the moment its token is revoked, mid-session", async () => {
    const a = await account(["read"]);
    const { createApiToken, revokeApiToken } = await import("@/lib/accounts/api-tokens");
    const { token, item } = await createApiToken({ userId: a.userId, name: "assistant", scopes: ["read"] });
    const client = await connect(token);
    expect((await call(client, "search_memories", {})).isError).toBe(false);
    await revokeApiToken({ userId: a.userId, id: item.id });
    await expect(call(client, "search_memories", {})).rejects.toThrow(/401|Unauthorized|not valid/i);
  });

  it("refuses a body over the limit and answers GET with 405", async () => {
    const a = await account(["read"]);
    const huge = await post(
      { authorization: `Bearer ${a.token}` },
      { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "search_memories", arguments: { query: "x".repeat(100_000) } } },
    );
    expect(huge.status).toBe(413);
    const { mcpFetch } = await import("./client");
    const get = await mcpFetch("http://hub.test/api/mcp", { headers: { authorization: `Bearer ${a.token}` } });
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
  });
});

describe("/api/mcp under hostile input", () => {
  it("answers malformed JSON-RPC with a 4xx or a JSON-RPC error, never a 5xx", async () => {
    const a = await account(["read"]);
    const { mcpFetch } = await import("./client");
    const bodies: [string, string][] = [
      ["application/json", "{"],
      ["application/json", "[]"],
      ["application/json", "null"],
      ["application/json", '"tools/list"'],
      ["application/json", '{"jsonrpc":"2.0","id":1}'],
      ["application/json", '{"jsonrpc":"2.0","id":1,"method":"nope"}'],
      ["application/json", '{"jsonrpc":"2.0","id":1,"method":"tools/call"}'],
      ["application/json", '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get_memory","arguments":"x"}}'],
      ["application/json", '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get_memory","arguments":{"id":"\\u0000"}}}'],
      [
        "application/json",
        '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"search_memories","arguments":{"query":"\\ud800 \\" or 1=1 --"}}}',
      ],
      [
        "application/json",
        `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"list_action_items","arguments":{"cursor":"${"A".repeat(900)}"}}}`,
      ],
      ["application/json", '{"jsonrpc":"2.0","id":1,"method":"resources/read","params":{"uri":"omi-hub://memories/%ED%A0%80"}}'],
      ["application/json", `[${Array.from({ length: 50 }, (_, i) => `{"jsonrpc":"2.0","id":${i},"method":"tools/list"}`).join(",")}]`],
      ["text/plain", '{"jsonrpc":"2.0","id":1,"method":"tools/list"}'],
    ];
    for (const [type, body] of bodies) {
      const res = await mcpFetch("http://hub.test/api/mcp", {
        method: "POST",
        headers: { authorization: `Bearer ${a.token}`, "content-type": type, accept: "application/json, text/event-stream" },
        body,
      });
      expect(res.status, `${type} ${body.slice(0, 80)}`).toBeLessThan(500);
      const answer = (await res.text()).trim();
      if (res.status === 200 && answer.startsWith("{")) {
        const parsed = JSON.parse(answer) as { result?: { isError?: boolean; structuredContent?: { error?: { code?: string } } } };
        // A refusal in words, never an internal failure (that would be a bug, like a 500).
        if (parsed.result?.isError) expect(parsed.result.structuredContent?.error?.code, body.slice(0, 80)).not.toBe("internal");
      }
    }
  });
});
