/**
 * A local stand-in for Omi's API (docs/OMI.md §6) for tests and benchmarks:
 * the same auth answers, the message in the query string, and the per-app, per-user,
 * per-UTC-hour limit where only 9 sends succeed, answered with 429 and the
 * X-RateLimit-* and Retry-After headers. Control endpoints under /__fake/ let tests
 * inspect what arrived and inject failures.
 *
 * It also serves Omi's Developer API (/v1/dev/…, ./dev-api.ts) with its own control
 * endpoints under /__fake/dev/.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createDevApi } from "./dev-api";

export type FakeNotification = { appId: string; uid: string; message: string; at: string };

export type FakeOmiOptions = { port?: number; appId?: string; apiKey?: string };

export type FakeOmi = {
  url: string;
  server: Server;
  notifications: FakeNotification[];
  close: () => Promise<void>;
};

const hourLimit = 10; // advertised; only 9 succeed because the counter starts at 1 (§6)

export async function startFakeOmi({ port = 0, appId = "e2e-app", apiKey = "e2e-app-secret" }: FakeOmiOptions = {}): Promise<FakeOmi> {
  const notifications: FakeNotification[] = [];
  const disabledUids = new Set<string>();
  const counters = new Map<string, { hour: number; count: number }>();
  /** Queue of forced answers: the next requests get these statuses. */
  const forced: number[] = [];
  let delayMs = 0;
  const devApi = createDevApi();

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, body: string) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const parts = url.pathname.split("/").filter(Boolean);
    const reply = (status: number, data: unknown, headers?: Record<string, string>) => send(res, status, data, headers);

    // ── control endpoints ──
    if (devApi.control(req.method ?? "GET", url, parts, body, reply)) return;
    if (parts[0] === "__fake") {
      const what = parts[1];
      if (what === "health") return send(res, 200, { ok: true });
      if (what === "notifications" && req.method === "GET") return send(res, 200, notifications);
      if (what === "reset") {
        notifications.length = 0;
        disabledUids.clear();
        counters.clear();
        forced.length = 0;
        delayMs = 0;
        devApi.reset();
        return send(res, 200, { ok: true });
      }
      if (what === "disable") {
        disabledUids.add(url.searchParams.get("uid") ?? "");
        return send(res, 200, { ok: true });
      }
      if (what === "enable") {
        disabledUids.delete(url.searchParams.get("uid") ?? "");
        return send(res, 200, { ok: true });
      }
      if (what === "force") {
        const status = Number(url.searchParams.get("status"));
        const times = Number(url.searchParams.get("times") ?? 1);
        for (let i = 0; i < times; i++) forced.push(status);
        return send(res, 200, { ok: true });
      }
      if (what === "delay") {
        delayMs = Number(url.searchParams.get("ms") ?? 0);
        return send(res, 200, { ok: true });
      }
      return send(res, 404, { detail: "Not Found" });
    }

    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    if (devApi.api(req.method ?? "GET", url, parts, req.headers as Record<string, string | undefined>, body, reply)) return;

    // ── POST /v2/integrations/{app_id}/notification?uid=&message= ──
    if (req.method === "POST" && parts[0] === "v2" && parts[1] === "integrations" && parts[3] === "notification") {
      const auth = req.headers.authorization ?? "";
      const match = /^Bearer (.+)$/.exec(auth);
      if (!match) return send(res, 401, { detail: "Authorization header missing or malformed" });
      if (parts[2] !== appId) return send(res, 404, { detail: "App not found" });
      if (match[1] !== apiKey) return send(res, 403, { detail: "Invalid API key" });
      const uid = url.searchParams.get("uid");
      const message = url.searchParams.get("message");
      if (!uid || !message) {
        return send(res, 422, {
          detail: [{ loc: ["query", uid ? "message" : "uid"], msg: "field required", type: "value_error.missing" }],
        });
      }
      if (disabledUids.has(uid)) return send(res, 403, { detail: "App is not enabled for this user" });
      const status = forced.shift();
      if (status) return send(res, status, { detail: `Forced ${status}` });

      const now = new Date();
      const hour = Math.floor(now.getTime() / 3_600_000);
      const reset = String(Math.ceil((hour + 1) * 3600 - now.getTime() / 1000));
      const key = `${appId}:${uid}`;
      const counter = counters.get(key);
      // The real counter starts at 1 on the first send of the hour, so the 10th call is refused.
      const count = counter && counter.hour === hour ? counter.count + 1 : 1;
      counters.set(key, { hour, count });
      const used = count + 1;
      const headers = {
        "x-ratelimit-limit": String(hourLimit),
        "x-ratelimit-remaining": String(Math.max(0, hourLimit - used)),
        "x-ratelimit-reset": reset,
      };
      if (used > hourLimit) {
        return send(res, 429, { detail: "Rate limit exceeded. Maximum 10 notifications per hour." }, { ...headers, "retry-after": reset });
      }
      notifications.push({ appId, uid, message, at: now.toISOString() });
      return send(res, 200, { status: "Ok" }, headers);
    }
    return send(res, 404, { detail: "Not Found" });
  };

  const server = createServer((req, res) => {
    // The notification call's body is ignored (the message is in the query); the Developer API's PATCH reads it.
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      handle(req, res, Buffer.concat(chunks).toString("utf8")).catch((err: unknown) => send(res, 500, { detail: String(err) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    server,
    notifications,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
