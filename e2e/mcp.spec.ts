/**
 * Issue 19, end to end: the MCP SDK's own client against the production server and its
 * database, fed by the Omi simulator; and Settings → AI assistants in Chromium.
 */
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { Page } from "@playwright/test";
import { sendAudio, sendDaySummary, streamLive } from "../scripts/simulator";
import { memoryBody } from "../scripts/simulator/payloads";
import { postWebhook } from "../scripts/simulator/send";
import { callTool as call, connectMcp } from "../scripts/mcp/client";
import { accountWithWebhookToken, expect, screenshot, signUp, test, uniqueEmail } from "./fixtures";

const fakeOmi = `http://127.0.0.1:${Number(process.env.E2E_FAKE_OMI_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 99)}`;
const allTools = [
  "complete_action_item",
  "get_day_summary",
  "get_live_transcript",
  "get_memory",
  "list_action_items",
  "list_recordings",
  "search_memories",
  "send_notification",
];

/** A token of the signed-in account, made through the API as a script would. */
async function token(page: Page, baseURL: string, scopes: string[], name = scopes.join("+")): Promise<string> {
  const res = await page.request.post("/api/v1/tokens", { data: { name, scopes }, headers: { origin: baseURL } });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

/** Links `uid` to the signed-in account with the code the fake Omi received. */
async function verifiedLink(page: Page, baseURL: string, uid: string) {
  const started = await page.request.post("/api/v1/links", { data: { uid }, headers: { origin: baseURL } });
  expect(started.status(), await started.text()).toBe(200);
  const { id } = (await started.json()) as { id: string };
  const code = async () => {
    const all = (await (await fetch(`${fakeOmi}/__fake/notifications`)).json()) as { uid: string; message: string }[];
    return all.filter((n) => n.uid === uid).map((n) => /(\d{6})/.exec(n.message)?.[1])[0];
  };
  await expect.poll(code).toMatch(/^\d{6}$/);
  const verified = await page.request.post(`/api/v1/links/${id}/verify`, { data: { code: await code() }, headers: { origin: baseURL } });
  expect(verified.status(), await verified.text()).toBe(200);
}

const texts = (segments: { text: string }[]) => segments.map((s) => s.text);

test("an assistant reads this account's data over MCP with the SDK client, within its token's scopes", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const { token: webhookToken, uid } = await accountWithWebhookToken(page, "mcp");
  const target = { baseUrl: baseURL!, token: webhookToken, uid, retries: false };

  // Data, sent the way Omi sends it. A word that only the transcript has:
  const word = `quokka${Math.random().toString(36).slice(2, 8)}`;
  const memory = memoryBody() as { id: string; structured: { title: string; overview: string }; transcript_segments: { text: string }[] };
  memory.transcript_segments[1]!.text = `And one more thing: the ${word} prototype ships on Friday.`;
  expect(JSON.stringify(memory.structured)).not.toContain(word);
  expect((await postWebhook(target, "memory", JSON.stringify(memory))).status).toBe(200);
  expect((await sendDaySummary({ ...target, date: "2024-05-14" })).requests[0]!.status).toBe(200);
  await sendAudio({ ...target, seconds: 2, burstSeconds: 2 });

  const read = await connectMcp({ baseUrl: baseURL!, token: await token(page, baseURL!, ["read"]) });
  expect((await read.listTools()).tools.map((t) => t.name).sort()).toEqual(allTools);

  // Found by the transcript-only word, then read with its speakers.
  const found = await call(read, "search_memories", { query: word });
  expect(found.data.items).toHaveLength(1);
  const hit = found.data.items[0] as { id: string; snippet: string; url: string };
  expect(hit.snippet).toContain(`**${word}**`);
  expect(hit.url).toBe(`${baseURL}/memories/${hit.id}`);
  const detail = await call(read, "get_memory", { id: hit.id });
  expect(detail.isError).toBe(false);
  const lines = detail.data.transcript.segments as { speaker: string; text: string }[];
  expect(lines.map((l) => l.text)).toContain(`And one more thing: the ${word} prototype ships on Friday.`);
  expect(lines.every((l) => l.speaker.length > 0)).toBe(true);
  expect((await page.request.get(hit.url)).status()).toBe(200);

  // Action items: listed with a read token; completing one needs write.
  const items = (await call(read, "list_action_items", {})).data.items as { id: string; memory: { id: string } }[];
  const item = items.find((i) => i.memory.id === hit.id)!;
  expect(item).toBeDefined();
  const refused = await call(read, "complete_action_item", { id: item.id });
  expect(refused.isError).toBe(true);
  expect(refused.text).toMatch(/lacks the "write" scope/);
  const write = await connectMcp({ baseUrl: baseURL!, token: await token(page, baseURL!, ["write"]) });
  expect((await call(write, "complete_action_item", { id: item.id })).data).toMatchObject({ id: item.id, completed: true });
  expect((await call(read, "list_action_items", { status: "completed" })).data.items.map((i: { id: string }) => i.id)).toContain(item.id);

  // The day summary for a date, and the recording with its timing.
  const day = await call(read, "get_day_summary", { date: "2024-05-14" });
  expect(day.data.items[0]).toMatchObject({ date: "2024-05-14", uid, url: `${baseURL}/calendar/2024-05-14?uid=${uid}` });
  const today = new Date().toISOString().slice(0, 10);
  const recordings = (await call(read, "list_recordings", { from: today, to: today })).data.items as {
    durationSeconds: number;
    url: string;
  }[];
  expect(recordings).toHaveLength(1);
  expect(recordings[0]!.durationSeconds).toBe(2);

  // The live session, read while Omi's segments arrive (one call every 400 ms).
  const streaming = streamLive({ ...target, segments: 8, intervalMs: 400 });
  const seen: number[] = [];
  await expect
    .poll(
      async () => {
        const live = await call(read, "get_live_transcript");
        seen.push(live.data.segments.length);
        return live.data.segments.length;
      },
      { intervals: [150], timeout: 20_000 },
    )
    .toBeGreaterThanOrEqual(3);
  const { texts: spoken } = await streaming;
  const final = await call(read, "get_live_transcript");
  expect(final.data.session).toMatchObject({ uid, active: true });
  expect(texts(final.data.segments)).toEqual(spoken);
  // It was read mid-stream: some answers held part of the session, more than none and fewer than all.
  expect(seen.some((n) => n > 0 && n < spoken.length)).toBe(true);

  // Notifications: only with the notify scope, only to a verified uid; Omi (the fake) receives it.
  expect((await call(read, "send_notification", { message: "hi" })).text).toMatch(/lacks the "notify" scope/);
  const notify = await connectMcp({ baseUrl: baseURL!, token: await token(page, baseURL!, ["notify"]) });
  expect((await call(notify, "send_notification", { uid, message: "hi" })).text).toMatch(/no verified link/);
  await verifiedLink(page, baseURL!, uid);
  await fetch(`${fakeOmi}/__fake/reset`);
  const sent = await call(notify, "send_notification", { message: `Remember the ${word} demo`, deep_link: `/memories/${hit.id}` });
  expect(sent.data).toMatchObject({ uid, status: "sent" });
  const received = (await (await fetch(`${fakeOmi}/__fake/notifications`)).json()) as { uid: string; message: string }[];
  expect(received.filter((n) => n.uid === uid).map((n) => n.message)).toEqual([`Remember the ${word} demo\n${baseURL}/memories/${hit.id}`]);

  // Another account: the same ids are not found, its searches find nothing of ours.
  const otherPage = await page.context().browser()!.newPage({ baseURL });
  await signUp(otherPage, uniqueEmail("mcp-other"));
  const stranger = await connectMcp({ baseUrl: baseURL!, token: await token(otherPage, baseURL!, ["read", "write"]) });
  for (const [tool, args] of [
    ["get_memory", { id: hit.id }],
    ["complete_action_item", { id: item.id, completed: false }],
    ["get_day_summary", { date: "2024-05-14" }],
    ["get_live_transcript", { session_id: final.data.session.id }],
  ] as const) {
    const r = await call(stranger, tool, args);
    expect(r.isError, tool).toBe(true);
    expect(r.text, tool).toMatch(/not found/);
  }
  expect((await call(stranger, "search_memories", { query: word })).data.items).toHaveLength(0);
  expect((await call(stranger, "list_recordings", {})).data.items).toHaveLength(0);
  expect((await call(stranger, "get_live_transcript")).data.session).toBeNull();
  await otherPage.close();

  // Oversized arguments are refused as tool errors; the connection stays usable.
  const big = await call(read, "search_memories", { query: "x".repeat(10_000) });
  expect(big.isError).toBe(true);
  expect(big.text).toMatch(/at most 200 characters/);
  expect((await call(read, "search_memories", { query: word })).data.items).toHaveLength(1);

  for (const c of [read, write, notify, stranger] as Client[]) await c.close();
});

test("a token revoked mid-session stops working at once; no token gets the MCP 401 challenge", async ({ page, baseURL }) => {
  await signUp(page, uniqueEmail("mcp-revoke"));
  const res = await page.request.post("/api/v1/tokens", {
    data: { name: "soon revoked", scopes: ["read"] },
    headers: { origin: baseURL! },
  });
  const { token: secret, item } = (await res.json()) as { token: string; item: { id: string } };
  const client = await connectMcp({ baseUrl: baseURL!, token: secret });
  expect((await call(client, "search_memories", {})).isError).toBe(false);
  expect((await page.request.delete(`/api/v1/tokens/${item.id}`, { headers: { origin: baseURL! } })).status()).toBe(200);
  await expect(call(client, "search_memories", {})).rejects.toThrow(/401|Unauthorized|not valid/i);

  const anonymous = await fetch(`${baseURL}/api/mcp`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
  });
  expect(anonymous.status).toBe(401);
  expect(anonymous.headers.get("www-authenticate")).toBe(
    `Bearer realm="Omi Hub", resource_metadata="${baseURL}/.well-known/oauth-protected-resource/api/mcp"`,
  );
  const metadata = await fetch(`${baseURL}/.well-known/oauth-protected-resource/api/mcp`);
  expect(await metadata.json()).toMatchObject({ resource: `${baseURL}/api/mcp`, bearer_methods_supported: ["header"] });
});

test("Settings → AI assistants: a read-only token and ready-made instructions in one step", async ({ page, baseURL, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await signUp(page, uniqueEmail("assistant"), "/settings");
  await page.setViewportSize({ width: 1280, height: 800 });
  const card = page.getByRole("region", { name: "AI assistants" });
  await expect(card.getByText(`${baseURL}/api/mcp`)).toBeVisible();
  await card.getByLabel("Assistant name").fill("Claude");
  await card.getByRole("button", { name: "Create read-only token" }).click();

  const command = card.getByLabel("Claude Code: run in a terminal");
  await expect(command).toContainText(`claude mcp add --transport http omi-hub ${baseURL}/api/mcp --header "Authorization: Bearer oht_`);
  const commandText = (await command.textContent())!;
  const secret = /Bearer (oht_\S+)"/.exec(commandText)![1]!;
  await card.getByRole("button", { name: "Copy the claude mcp add command" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(commandText);
  const json = JSON.parse((await card.getByLabel(/Clients configured by a file/).textContent())!) as {
    mcpServers: Record<string, { type: string; url: string; headers: Record<string, string> }>;
  };
  expect(json).toEqual({
    mcpServers: { "omi-hub": { type: "http", url: `${baseURL}/api/mcp`, headers: { Authorization: `Bearer ${secret}` } } },
  });
  await card.getByRole("button", { name: "Copy the JSON configuration" }).click();
  expect(JSON.parse(await page.evaluate(() => navigator.clipboard.readText()))).toEqual(json);

  // The token in the instructions works, and only for reading.
  const client = await connectMcp({ baseUrl: baseURL!, token: secret });
  expect((await client.listTools()).tools).toHaveLength(allTools.length);
  expect((await call(client, "complete_action_item", { id: "x" })).text).toMatch(/"write" scope/);
  await client.close();

  // It shows under API tokens with its scope and expiry.
  const row = page.getByRole("region", { name: "API tokens" }).getByRole("listitem").filter({ hasText: "Claude" });
  await expect(row.getByText("Read", { exact: true })).toBeVisible();
  await expect(row).toContainText("expires in");
  const shots = `${process.env.E2E_OUTPUT_DIR ?? "test-results"}/screenshots`;
  await screenshot(page, "settings-ai-assistants-1280");
  await card.screenshot({ path: `${shots}/settings-ai-assistants-card-1280.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await card.screenshot({ path: `${shots}/settings-ai-assistants-card-390.png` });
  await page.evaluate(() => document.documentElement.classList.add("dark"));
  await card.screenshot({ path: `${shots}/settings-ai-assistants-card-390-dark.png` });
});
