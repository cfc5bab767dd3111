/**
 * Ingest comparison, one run, 50 concurrent connections, fixture-sized memory bodies
 * with varied ids: our memory webhook vs. a no-op Next.js route (the framework's
 * ceiling) vs. a plain node:http + postgres.js upsert (the floor).
 * Target: our webhook ≥ half the ceiling's throughput, p99 < 150 ms.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { appToken, sampleMemory, startApp, stopGroup, treeRss } from "./lib/app";
import { runLoad, type LoadResult } from "./lib/load";
import { mb, ms, type BenchRow } from "./lib/stats";

const fixture = readFileSync("tests/fixtures/omi/memory-created.json", "utf8");
const template = JSON.stringify(JSON.parse(fixture));
const originalId = (JSON.parse(fixture) as { id: string }).id;

export function memoryBody(i: number, run: string): Buffer {
  return Buffer.from(template.split(originalId).join(`bench-${run}-${i}`));
}

const concurrency = 50;
const durationMs = Number(process.env.BENCH_SECONDS ?? 10) * 1000;

export async function benchIngest({ databaseUrl }: { databaseUrl: string }): Promise<BenchRow[]> {
  const run = Date.now().toString(36);
  const results: Record<string, LoadResult & { memory: number }> = {};

  const app = await startApp({ port: 3901, databaseUrl });
  try {
    for (const [name, path] of [
      ["webhook", (i: number) => `/api/webhooks/memory/${appToken}?uid=bench-user-${i % 200}`],
      ["noop", () => `/api/bench/noop`],
    ] as const) {
      const mem = sampleMemory(app.rss);
      const r = await runLoad({
        port: app.port,
        concurrency,
        durationMs,
        next: (i) => ({
          path: path(i),
          headers: { "content-type": "application/json", "idempotency-key": `${run}-${name}-${i}` },
          body: memoryBody(i, `${run}-${name}`),
        }),
      });
      const m = mem.stop();
      results[name] = { ...r, memory: m.peak - m.start };
    }
  } finally {
    await app.stop();
  }

  const floor = spawn("npx", ["tsx", "--require", "./scripts/server-only.cjs", "scripts/bench/floor-server.ts", "--port", "3902", "--database", databaseUrl], {
    detached: true,
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve) => floor.stdout!.on("data", (d: Buffer) => d.toString().includes("ready") && resolve()));
  try {
    const mem = sampleMemory(() => treeRss(floor.pid!));
    const r = await runLoad({
      port: 3902,
      concurrency,
      durationMs,
      next: (i) => ({ path: `/?uid=bench-floor-${i % 200}`, headers: { "content-type": "application/json" }, body: memoryBody(i, `${run}-floor`) }),
    });
    const m = mem.stop();
    results.floor = { ...r, memory: m.peak - m.start };
  } finally {
    await stopGroup(floor);
  }

  const w = results.webhook!;
  const c = results.noop!;
  const f = results.floor!;
  const row = (name: string, r: LoadResult & { memory: number }, extra: Partial<BenchRow> = {}): BenchRow[] => [
    { bench: `ingest: ${name}`, metric: "throughput", value: `${r.rps.toFixed(0)} req/s`, ...extra },
    { bench: `ingest: ${name}`, metric: "latency p50 / p99", value: `${ms(r.p50)} / ${ms(r.p99)}`, ...(name === "memory webhook" ? { target: "p99 < 150 ms", ok: r.p99 < 150 } : {}) },
    { bench: `ingest: ${name}`, metric: "non-2xx answers", value: String(r.failed), ...(r.failed ? { ok: false } : {}) },
    { bench: `ingest: ${name}`, metric: "server memory growth", value: mb(r.memory) },
  ];
  return [
    ...row("memory webhook", w, { target: `≥ ${(c.rps / 2).toFixed(0)} req/s (half the ceiling)`, ok: w.rps >= c.rps / 2 }),
    ...row("no-op Next route (ceiling)", c),
    ...row("node:http + postgres.js (floor)", f),
  ];
}
