/**
 * A second (or third) app process for tests, without a Next build: plain node:http in
 * front of the REAL route handlers of the live transcript, each process with its own
 * database pool and its own LISTEN connection, exactly as two app instances would be.
 *
 *   tsx --require ./scripts/server-only.cjs scripts/live/route-server.ts --port 4501      (DATABASE_URL from the environment)
 *
 * Serves GET /api/v1/live/stream and POST /api/webhooks/realtime/<token>; prints
 * "ready <port>" when listening. Not a production server: `next start` is.
 */
import { createServer } from "node:http";
import { Readable } from "node:stream";

const port = Number(process.argv[process.argv.indexOf("--port") + 1] || 4501);

const stream = await import("@/app/api/v1/live/stream/route");
const webhook = await import("@/app/api/webhooks/realtime/[token]/route");

const server = createServer(async (req, res) => {
  const abort = new AbortController();
  res.on("close", () => abort.abort());
  try {
    const url = new URL(req.url ?? "/", `http://127.0.0.1:${port}`);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    let response: Response;
    if (req.method === "GET" && url.pathname === "/api/v1/live/stream") {
      response = await stream.GET(new Request(url, { headers, signal: abort.signal }));
    } else if (req.method === "POST" && url.pathname.startsWith("/api/webhooks/realtime/")) {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const token = url.pathname.split("/").pop() ?? "";
      response = await webhook.POST(new Request(url, { method: "POST", headers, body: Buffer.concat(chunks) }), {
        params: Promise.resolve({ token }),
      });
    } else {
      response = new Response("not found", { status: 404 });
    }
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.flushHeaders();
    if (response.body) Readable.fromWeb(response.body as import("node:stream/web").ReadableStream).pipe(res);
    else res.end();
  } catch (err) {
    res.writeHead(500).end(String(err));
  }
});

server.listen(port, "127.0.0.1", () => console.log(`ready ${port}`));
const stop = async () => {
  server.close();
  const { closeDb } = await import("@/db/client");
  const { liveHub } = await import("@/lib/live/hub");
  await liveHub().stop();
  await closeDb();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
