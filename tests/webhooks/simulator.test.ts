/**
 * The simulator (scripts/simulator) against the real webhook route handlers behind a
 * local HTTP server: everything it sends is accepted and stored, in the current and
 * legacy query-string forms, signed and unsigned.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetTables, useTestDb } from "../db";
import { APP_SECRET, APP_TOKEN, database, routeHandler, setWebhookEnv } from "./harness";
import type { WebhookEvent } from "@/lib/constants";

setWebhookEnv();
useTestDb();

let h: Awaited<ReturnType<typeof database>>;
let sim: typeof import("@/scripts/simulator");
let server: Server;
let base: string;

beforeAll(async () => {
  h = await database();
  sim = await import("@/scripts/simulator");
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = `http://localhost${req.url}`;
    const m = /^\/api\/webhooks\/(memory|realtime|audio|day-summary|button)(?:\/([^/?]+))?\/?(?:\?|$)/.exec(req.url ?? "");
    if (!m) {
      res.writeHead(404).end();
      return;
    }
    const request = new Request(url, { method: "POST", headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) });
    const POST = await routeHandler(m[1] as WebhookEvent, Boolean(m[2]));
    const params: Record<string, string> = m[2] ? { token: decodeURIComponent(m[2]) } : {};
    const answer = await POST(request, { params: Promise.resolve(params) });
    res.writeHead(answer.status, Object.fromEntries(answer.headers)).end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => resetTables());

describe("simulator → webhook handlers", () => {
  it.each([
    ["current query strings, base URL + token", { legacy: false, secret: undefined, url: () => base, token: APP_TOKEN }],
    [
      "legacy query strings, Settings-style event URL",
      { legacy: true, secret: undefined, url: () => `${base}/api/webhooks/memory/${APP_TOKEN}`, token: undefined },
    ],
    [
      "signed, ?token= template, legacy",
      { legacy: true, secret: APP_SECRET, url: () => `${base}/api/webhooks/{event}?token=${APP_TOKEN}`, token: undefined },
    ],
    ["signature only, no token", { legacy: false, secret: APP_SECRET, url: () => base, token: undefined }],
  ])("sends every event and all of it is stored (%s)", async (_name, o) => {
    const target = { baseUrl: o.url(), token: o.token, uid: "sim-uid", secret: o.secret, legacy: o.legacy, retries: false };
    const all = await sim.sendAll({ ...target, count: 2, segments: 5, intervalMs: 0, seconds: 3, burstSeconds: 2 });

    const requests = Object.values(all).flatMap((p) => p.requests);
    expect(requests.filter((r) => r.status !== 200)).toEqual([]);

    const memories = await h.db.select().from(h.memories);
    expect(memories.map((m) => m.omiId).sort()).toEqual([...all.memory.memoryIds].sort());
    expect(memories.every((m) => m.uid === "sim-uid")).toBe(true);

    const segments = await h.db.select().from(h.transcriptSegments);
    expect(segments.map((s) => s.segmentId).sort()).toEqual([...all.live.segmentIds].sort());
    // The segment first sent cut short was replaced by its longer copy.
    for (const s of segments) expect(all.live.texts).toContain(s.text);

    const chunks = await h.db.select().from(h.audioChunks);
    expect(chunks.map((c) => c.byteLength)).toEqual([32000, 32000, 32000]);
    expect(all.audio.requests).toHaveLength(3);

    const [summary] = await h.db.select().from(h.daySummaries);
    expect(summary).toMatchObject({ date: all.daySummary.date, fromLegacy: o.legacy });
    expect(await h.db.select().from(h.buttonEvents)).toHaveLength(1);

    const deliveries = await h.db.select().from(h.deliveries);
    expect(deliveries).toHaveLength(requests.length);
    expect(deliveries.every((d) => d.deliveryKey && d.signature === (o.secret ? "valid" : "absent"))).toBe(true);
  });

  it("builds legacy and current URLs the way Omi does", () => {
    const t = { baseUrl: "https://hub.example/api/webhooks/memory/ohw_T", uid: "U 1" };
    expect(sim.requestUrl({ ...t, legacy: true }, "audio", { sample_rate: "16000" })).toBe(
      "https://hub.example/api/webhooks/audio/ohw_T?sample_rate=16000?uid=U 1",
    );
    expect(sim.requestUrl(t, "audio", { sample_rate: "16000" })).toBe(
      "https://hub.example/api/webhooks/audio/ohw_T?sample_rate=16000&uid=U+1",
    );
    expect(sim.requestUrl({ baseUrl: "https://hub.example/api/webhooks/{event}?token=T", uid: "U", legacy: true }, "memory")).toBe(
      "https://hub.example/api/webhooks/memory?token=T?uid=U",
    );
    expect(sim.eventUrl({ baseUrl: "https://hub.example/", token: "ohw_T" }, "day-summary")).toBe(
      "https://hub.example/api/webhooks/day-summary/ohw_T",
    );
  });

  it("retries a 503 with the same Idempotency-Key", async () => {
    let calls = 0;
    const keys: string[] = [];
    const flaky = createServer((req, res) => {
      calls++;
      keys.push(String(req.headers["idempotency-key"]));
      res.writeHead(calls === 1 ? 503 : 200, { "content-type": "application/json" }).end("{}");
    });
    await new Promise<void>((r) => flaky.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(flaky.address() as AddressInfo).port}`;
    const { requests } = await sim.sendButton({ baseUrl: url, token: "t", uid: "u" });
    flaky.close();
    expect(requests[0]).toMatchObject({ status: 200, attempts: 2 });
    expect(new Set(keys).size).toBe(1);
  }, 15_000);
});
