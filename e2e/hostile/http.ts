/**
 * A raw HTTP client for hostile inputs. Playwright's request context and fetch both
 * normalise URLs ("%2e%2e" and "../" are resolved before sending) and refuse odd
 * bodies, so node:http sends the path and bytes exactly as written here.
 */
import http from "node:http";

export type RawBody =
  | Uint8Array
  | string
  /** `bytes` generated and written in chunks (chunked transfer unless `declaredLength`). */
  | { streamBytes: number; declaredLength?: number };

export type RawRequest = {
  method: string;
  /** Path and query exactly as sent (must be ASCII: percent-encode the rest). */
  path: string;
  headers?: Record<string, string>;
  body?: RawBody;
};

export type RawResponse = {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  ms: number;
  /** Set when no response arrived (connection refused or reset before an answer). */
  error?: string;
};

const bodyCap = 256 * 1024;

/** `headers` go with every request (a request's own headers win). */
export function rawClient(
  baseURL: string,
  { sockets = 8, headers: common = {} }: { sockets?: number; headers?: Record<string, string> } = {},
) {
  const base = new URL(baseURL);
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });

  function send(req: RawRequest, timeoutMs = 30_000): Promise<RawResponse> {
    const started = performance.now();
    return new Promise((resolve) => {
      let settled = false;
      const done = (res: Omit<RawResponse, "ms">) => {
        if (settled) return;
        settled = true;
        resolve({ ...res, ms: Math.round(performance.now() - started) });
      };
      const headers: Record<string, string | number> = { ...common, ...req.headers };
      const body = req.body;
      const streamed = body !== undefined && typeof body === "object" && !(body instanceof Uint8Array);
      if (streamed && body.declaredLength !== undefined) headers["content-length"] = body.declaredLength;
      // Always frame a plain body: node sends a DELETE body without a length (nor chunking)
      // otherwise, and the server reads those bytes as the next request.
      if (body !== undefined && !streamed) headers["content-length"] = typeof body === "string" ? Buffer.byteLength(body) : body.byteLength;
      let outgoing: http.ClientRequest;
      try {
        outgoing = http.request({
          host: base.hostname,
          port: base.port,
          method: req.method,
          path: req.path,
          headers,
          agent: streamed ? false : agent,
          setHost: true,
        });
      } catch (err) {
        done({ status: 0, headers: {}, text: "", error: `could not send: ${String(err)}` });
        return;
      }
      let answered = false;
      outgoing.setTimeout(timeoutMs, () => {
        outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`));
      });
      outgoing.on("response", (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        let size = 0;
        const type = String(res.headers["content-type"] ?? "");
        if (type.startsWith("text/event-stream")) {
          // A stream never ends: its status and headers are the answer.
          res.destroy();
          outgoing.destroy();
          done({ status: res.statusCode ?? 0, headers: res.headers, text: "" });
          return;
        }
        res.on("data", (c: Buffer) => {
          size += c.byteLength;
          if (size <= bodyCap) chunks.push(c);
        });
        res.on("end", () => done({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", (err) =>
          done({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8"), error: String(err) }),
        );
        res.on("close", () => done({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
      });
      outgoing.on("error", (err) => {
        if (!answered) done({ status: 0, headers: {}, text: "", error: String(err) });
      });
      if (body === undefined) {
        outgoing.end();
      } else if (!streamed) {
        outgoing.end(body);
      } else {
        // Write until the server answers (it should refuse early) or everything is sent.
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        let left = body.streamBytes;
        const pump = () => {
          while (left > 0 && !answered && !outgoing.destroyed) {
            const n = Math.min(left, chunk.byteLength);
            left -= n;
            if (!outgoing.write(n === chunk.byteLength ? chunk : chunk.subarray(0, n))) {
              outgoing.once("drain", pump);
              return;
            }
          }
          if (!outgoing.destroyed) outgoing.end();
        };
        outgoing.on("error", () => {});
        pump();
      }
    });
  }

  return { send, close: () => agent.destroy() };
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function pool<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let nextIndex = 0;
  async function worker() {
    for (;;) {
      const i = nextIndex++;
      if (i >= items.length) return;
      results[i] = await work(items[i]!, i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
