/**
 * The answer table (docs/ARCHITECTURE.md "Webhook answers") for bad inputs, through the real
 * route handlers: each case checks the status, the error names the problem, what the
 * delivery log recorded, and that nothing was stored.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetTables, useTestDb } from "../db";
import { APP_SECRET, APP_TOKEN, database, deliveryOf, fixtureBody, send, setWebhookEnv, tone, UID, type SendOptions } from "./harness";
import type { WebhookEvent } from "@/lib/constants";

setWebhookEnv({ WEBHOOK_MAX_BODY_BYTES: "4096" });
useTestDb();

let h: Awaited<ReturnType<typeof database>>;
let sign: typeof import("@/lib/omi/signature").signOmiPayload;
beforeAll(async () => {
  h = await database();
  sign = (await import("@/lib/omi/signature")).signOmiPayload;
});
beforeEach(() => resetTables());

const memoryBody = JSON.stringify({ id: "m-1", structured: { title: "t" } });
const now = () => Math.floor(Date.now() / 1000);

type Case = {
  name: string;
  event: WebhookEvent;
  send: () => SendOptions;
  status: number;
  code: string;
  message: RegExp;
  /** Expected details[0].path for 422s. */
  path?: string;
  /** What the delivery log must say. */
  log?: Record<string, unknown>;
};

const cases: Case[] = [
  {
    name: "no uid (valid token)",
    event: "memory",
    send: () => ({ query: "", body: memoryBody }),
    status: 400,
    code: "bad_request",
    message: /uid/,
    log: { auth: "app", uid: null },
  },
  {
    name: "bad signature beside a valid token",
    event: "memory",
    send: () => ({ body: memoryBody, headers: { "x-omi-signature": `t=${now()},v1=${"ab".repeat(32)}` } }),
    status: 401,
    code: "unauthorized",
    message: /does not match/,
    log: { signature: "invalid", body: null },
  },
  {
    name: "signature for another uid",
    event: "memory",
    send: () => ({ body: memoryBody, headers: { "x-omi-signature": sign({ secret: APP_SECRET, uid: "someone-else", body: memoryBody }) } }),
    status: 401,
    code: "unauthorized",
    message: /does not match/,
  },
  {
    name: "stale signature",
    event: "memory",
    send: () => ({
      body: memoryBody,
      headers: { "x-omi-signature": sign({ secret: APP_SECRET, uid: UID, body: memoryBody, timestamp: now() - 301 }) },
    }),
    status: 401,
    code: "unauthorized",
    message: /timestamp/,
    log: { signature: "stale" },
  },
  {
    name: "malformed signature header",
    event: "memory",
    send: () => ({ body: memoryBody, headers: { "x-omi-signature": "nonsense" } }),
    status: 401,
    code: "unauthorized",
    message: /does not match/,
  },
  {
    name: "invalid JSON",
    event: "memory",
    send: () => ({ body: '{"id": "m-1",' }),
    status: 400,
    code: "bad_request",
    message: /not valid JSON/,
    log: { body: '{"id": "m-1",' },
  },
  {
    name: "wrong content type (text/plain)",
    event: "memory",
    send: () => ({ body: memoryBody, contentType: "text/plain" }),
    status: 415,
    code: "unsupported_media_type",
    message: /application\/json/,
  },
  {
    name: "no content type",
    event: "realtime",
    send: () => ({ body: fixtureBody("realtime-batch-1.json"), contentType: null }),
    status: 415,
    code: "unsupported_media_type",
    message: /application\/json/,
  },
  {
    name: "audio sent as JSON",
    event: "audio",
    send: () => ({ query: `?sample_rate=16000&uid=${UID}`, body: tone(0.1), contentType: "application/json" }),
    status: 415,
    code: "unsupported_media_type",
    message: /octet-stream/,
  },
  {
    name: "memory without id",
    event: "memory",
    send: () => ({ body: JSON.stringify({ structured: {} }) }),
    status: 422,
    code: "validation_failed",
    message: /Memory is invalid: id/,
    path: "id",
  },
  {
    name: "action item description not a string",
    event: "memory",
    send: () => ({ body: JSON.stringify({ id: "m-1", structured: { action_items: [{ description: 5 }] } }) }),
    status: 422,
    code: "validation_failed",
    message: /structured\.action_items\.0\.description/,
    path: "structured.action_items.0.description",
  },
  {
    name: "bad timestamp",
    event: "memory",
    send: () => ({ body: JSON.stringify({ id: "m-1", started_at: "yesterday" }) }),
    status: 422,
    code: "validation_failed",
    message: /started_at/,
    path: "started_at",
  },
  {
    name: "a JSON array, not an object",
    event: "memory",
    send: () => ({ body: "[]" }),
    status: 422,
    code: "validation_failed",
    message: /JSON object/,
  },
  {
    name: "realtime without segments",
    event: "realtime",
    send: () => ({ body: JSON.stringify({ session_id: UID }) }),
    status: 422,
    code: "validation_failed",
    message: /segments/,
    path: "segments",
  },
  {
    name: "realtime segment without text",
    event: "realtime",
    send: () => ({ body: JSON.stringify({ segments: [{ is_user: true, start: 0, end: 1 }] }) }),
    status: 422,
    code: "validation_failed",
    message: /segments\.0\.text/,
    path: "segments.0.text",
  },
  {
    name: "day summary with neither field",
    event: "day-summary",
    send: () => ({ body: JSON.stringify({ uid: UID }) }),
    status: 422,
    code: "validation_failed",
    message: /summary/,
    path: "summary_json",
  },
  {
    name: "legacy summary that is not a Python literal",
    event: "day-summary",
    send: () => ({ body: JSON.stringify({ summary: "{'date': datetime.date(2026, 3, 12)}" }) }),
    status: 422,
    code: "validation_failed",
    message: /summary: not a Python literal/,
    path: "summary",
  },
  {
    name: "legacy summary with a bad date",
    event: "day-summary",
    send: () => ({ body: JSON.stringify({ summary: "{'date': '12/03/2026'}" }) }),
    status: 422,
    code: "validation_failed",
    message: /summary\.date/,
    path: "summary.date",
  },
  {
    name: "button body that is an array",
    event: "button",
    send: () => ({ body: "[1,2]" }),
    status: 422,
    code: "validation_failed",
    message: /JSON object/,
  },
  {
    name: "too large (counted while reading)",
    event: "memory",
    send: () => ({ body: JSON.stringify({ id: "m", pad: "x".repeat(5000) }) }),
    status: 413,
    code: "payload_too_large",
    message: /limit/,
    log: { body: null },
  },
  {
    name: "too large (Content-Length)",
    event: "audio",
    send: () => ({ query: `?sample_rate=16000&uid=${UID}`, body: tone(0.2), headers: { "content-length": "999999" } }),
    status: 413,
    code: "payload_too_large",
    message: /limit/,
  },
  {
    name: "odd PCM byte count",
    event: "audio",
    send: () => ({ query: `?sample_rate=16000&uid=${UID}`, body: new Uint8Array(101) }),
    status: 400,
    code: "bad_request",
    message: /even number of bytes/,
  },
  {
    name: "empty audio",
    event: "audio",
    send: () => ({ query: `?sample_rate=16000&uid=${UID}`, body: new Uint8Array(0) }),
    status: 400,
    code: "bad_request",
    message: /empty/,
  },
  {
    name: "sample_rate missing",
    event: "audio",
    send: () => ({ query: `?uid=${UID}`, body: tone(0.1) }),
    status: 400,
    code: "bad_request",
    message: /sample_rate/,
  },
  {
    name: "sample_rate not an integer",
    event: "audio",
    send: () => ({ query: `?sample_rate=16000.5&uid=${UID}`, body: tone(0.1) }),
    status: 400,
    code: "bad_request",
    message: /sample_rate/,
  },
  {
    name: "sample_rate too low",
    event: "audio",
    send: () => ({ query: `?sample_rate=999&uid=${UID}`, body: tone(0.1) }),
    status: 400,
    code: "bad_request",
    message: /sample_rate/,
  },
  {
    name: "sample_rate too high",
    event: "audio",
    send: () => ({ query: `?sample_rate=192001&uid=${UID}`, body: tone(0.1) }),
    status: 400,
    code: "bad_request",
    message: /sample_rate/,
  },
];

describe("bad inputs get the answer from the table", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const sent = await send(c.event, c.send());
    expect(sent.status).toBe(c.status);
    expect(sent.res.headers.get("content-type")).toMatch(/application\/json/);
    const error = sent.json.error as { code: string; message: string; details?: { path: string }[] };
    expect(error.code).toBe(c.code);
    expect(error.message).toMatch(c.message);
    if (c.path) expect(error.details?.[0]?.path).toBe(c.path);

    const log = await deliveryOf(sent);
    expect(log).toMatchObject({ event: c.event, status: c.status, outcome: c.code, ...c.log });
    expect(log.errorMessage).toMatch(c.message);
    expect(JSON.stringify(log)).not.toContain(APP_TOKEN);

    // Nothing stored anywhere but the log.
    for (const table of [h.memories, h.transcriptSegments, h.daySummaries, h.buttonEvents, h.audioChunks, h.deliveryKeys]) {
      expect(await h.db.select().from(table)).toHaveLength(0);
    }
  });
});

/**
 * Requests that prove nothing: anyone can send them, so they get a 401 without their
 * body being read and leave no delivery-log row, only a count per client address,
 * event and minute (lib/webhooks/refusals.ts).
 */
const unauthenticated: { name: string; send: () => SendOptions; message: RegExp }[] = [
  { name: "no uid and no token", send: () => ({ query: "", pathToken: null, body: memoryBody }), message: /token/i },
  {
    name: "unknown token in the path",
    send: () => ({ pathToken: "ohw_not_a_real_token", body: memoryBody }),
    message: /token is not valid/,
  },
  {
    name: "unknown ?token=",
    send: () => ({ pathToken: null, query: `?token=nope&uid=${UID}`, body: memoryBody }),
    message: /token is not valid/,
  },
  { name: "no token, no signature", send: () => ({ pathToken: null, body: memoryBody }), message: /Missing webhook token/ },
  {
    name: "a signature the app-wide secret does not match, no token",
    send: () => ({ pathToken: null, body: memoryBody, headers: { "x-omi-signature": `t=${now()},v1=${"ab".repeat(32)}` } }),
    message: /does not match/,
  },
];

describe("unauthenticated requests are refused and counted, not logged", () => {
  it.each(unauthenticated.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const sent = await send("memory", c.send());
    expect(sent.status).toBe(401);
    expect(sent.res.headers.get("content-type")).toMatch(/application\/json/);
    expect((sent.json.error as { code: string }).code).toBe("unauthorized");
    expect((sent.json.error as { message: string }).message).toMatch(c.message);
    expect(sent.res.headers.get("x-delivery-id")).toBeNull();

    const { flushRefusals } = await import("@/lib/webhooks/refusals");
    await flushRefusals();
    expect(await h.db.select().from(h.deliveries)).toHaveLength(0);
    const counted = await h.db.select().from(h.webhookRefusals);
    expect(counted).toEqual([expect.objectContaining({ event: "memory", status: 401, count: 1 })]);
    for (const table of [h.memories, h.deliveryKeys]) expect(await h.db.select().from(table)).toHaveLength(0);
  });

  it("many attempts from one address are one row with their count", async () => {
    const { flushRefusals } = await import("@/lib/webhooks/refusals");
    for (let i = 0; i < 25; i++) expect((await send("memory", { pathToken: `ohw_guess_${i}`, body: memoryBody })).status).toBe(401);
    await flushRefusals();
    const counted = await h.db.select().from(h.webhookRefusals);
    expect(counted).toHaveLength(1);
    expect(counted[0]!.count).toBe(25);
    expect(counted[0]!.declaredBytes).toBe(0);
  });
});

describe("answered directly at every URL form", () => {
  it.each([
    ["path token", { pathToken: APP_TOKEN }],
    ["path token + trailing slash", { pathToken: APP_TOKEN, trailingSlash: true }],
    ["?token= + trailing slash", { pathToken: null, trailingSlash: true, query: `?token=${APP_TOKEN}&uid=${UID}` }],
    ["legacy ?token=T?uid=U", { pathToken: null, query: `?token=${APP_TOKEN}?uid=${UID}` }],
    ["path token + legacy second ?", { pathToken: APP_TOKEN, query: `?x=1?uid=${UID}` }],
  ] as const)("%s → 200", async (_name, options) => {
    const sent = await send("button", { ...options, body: '{"n":1}' });
    expect(sent.status).toBe(200);
    expect(sent.res.headers.get("location")).toBeNull();
    const [row] = await h.db.select().from(h.buttonEvents);
    expect(row?.uid).toBe(UID);
  });

  it("a raw uid with odd characters is stored as sent", async () => {
    const sent = await send("button", { query: "?uid=we|rd uid%", body: "{}" });
    expect(sent.status).toBe(200);
    const [row] = await h.db.select().from(h.buttonEvents);
    expect(row?.uid).toBe("we|rd uid%");
  });
});
