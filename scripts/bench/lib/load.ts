/**
 * A small closed-loop HTTP load generator: `concurrency` keep-alive connections, each
 * sending its next request as soon as the previous answer arrives, for a fixed time.
 * Latency is measured per request from write to the end of the answer.
 */
import http from "node:http";
import { summarize, type LatencySummary } from "./stats";

export type LoadRequest = { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | string };

export type LoadResult = LatencySummary & { rps: number; ok: number; failed: number; statuses: Record<number, number>; seconds: number };

export async function runLoad({
  port,
  concurrency,
  durationMs,
  warmupMs = 2000,
  next,
}: {
  port: number;
  concurrency: number;
  durationMs: number;
  warmupMs?: number;
  /** Builds the i-th request (i counts across all connections). */
  next: (i: number) => LoadRequest;
}): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let i = 0;
  const send = (req: LoadRequest) =>
    new Promise<number>((resolve) => {
      const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body);
      const r = http.request(
        {
          host: "127.0.0.1",
          port,
          method: req.method ?? "POST",
          path: req.path,
          agent,
          headers: { ...req.headers, ...(body ? { "content-length": String(body.length) } : {}) },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      r.on("error", () => resolve(0));
      r.end(body);
    });

  const phase = async (ms: number, record: boolean) => {
    const latencies: number[] = [];
    const statuses: Record<number, number> = {};
    const end = Date.now() + ms;
    const worker = async () => {
      while (Date.now() < end) {
        const started = performance.now();
        const status = await send(next(i++));
        if (record) {
          latencies.push(performance.now() - started);
          statuses[status] = (statuses[status] ?? 0) + 1;
        }
      }
    };
    const t0 = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    return { latencies, statuses, seconds: (performance.now() - t0) / 1000 };
  };

  if (warmupMs > 0) await phase(warmupMs, false);
  const { latencies, statuses, seconds } = await phase(durationMs, true);
  agent.destroy();
  const ok = Object.entries(statuses)
    .filter(([s]) => Number(s) >= 200 && Number(s) < 300)
    .reduce((a, [, n]) => a + n, 0);
  return { ...summarize(latencies), rps: latencies.length / seconds, ok, failed: latencies.length - ok, statuses, seconds };
}
