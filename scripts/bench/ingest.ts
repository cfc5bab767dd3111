/**
 * Ingest at the framework's speed (issue 16), one run, 50 keep-alive connections,
 * closed loop, each webhook side by side with a no-op Next.js route of the same build
 * (the framework's ceiling), directly and through PgBouncer in transaction mode:
 *  - memory webhook: fixture-sized bodies (memory-created.json, 8 KB), a new id each;
 *  - realtime webhook: realtime-batch-1.json (2 segments), new segment ids each, 200 uids;
 *  - Node CPU ms per delivery (the server's process tree) and Postgres CPU ms per
 *    delivery (every postgres process), from /proc, over the measured phase only.
 * Where the time goes: each event's storing call alone, without HTTP or Next.js
 * (scripts/bench/store-only.ts), gives the driver's and Postgres' share, and the Node
 * CPU of a delivery is split into the no-op route's, the driver's and the rest.
 * Plus a plain node:http + postgres.js upsert (the floor: no framework, no auth, no log).
 * Targets: memory ≥ 0.5× the no-op route and p99 < 150 ms; realtime ≥ 0.6×.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { appToken, commandCpuMs, sampleMemory, startApp, stopGroup, treeCpuMs, treeRss, type RunningApp } from "./lib/app";
import { runLoad, type LoadRequest, type LoadResult } from "./lib/load";
import type { DatabaseMode } from "./lib/modes";
import { mb, ms, type BenchRow } from "./lib/stats";

const memoryFixture = readFileSync("tests/fixtures/omi/memory-created.json", "utf8");
const memoryTemplate = JSON.stringify(JSON.parse(memoryFixture));
const originalId = (JSON.parse(memoryFixture) as { id: string }).id;
const realtimeTemplate = JSON.parse(readFileSync("tests/fixtures/omi/realtime-batch-1.json", "utf8")) as { segments: { id: string }[] };

export function memoryBody(i: number, run: string): Buffer {
  return Buffer.from(memoryTemplate.split(originalId).join(`bench-${run}-${i}`));
}

function realtimeBody(i: number, run: string): Buffer {
  return Buffer.from(
    JSON.stringify({ ...realtimeTemplate, segments: realtimeTemplate.segments.map((s, k) => ({ ...s, id: `rt-${run}-${i}-${k}` })) }),
  );
}

const concurrency = 50;
const durationMs = Number(process.env.BENCH_SECONDS ?? 10) * 1000;

type Measured = LoadResult & { memory: number; nodeCpuMs: number; postgresCpuMs: number; poolerCpuMs: number };

/** Warms up, then measures one load with the CPU each side spent on it. */
async function measure(app: RunningApp, next: (i: number) => LoadRequest): Promise<Measured> {
  await runLoad({ port: app.port, concurrency, durationMs: 2000, warmupMs: 0, next });
  const mem = sampleMemory(app.rss);
  const cpu0 = { node: treeCpuMs(app.pid), pg: commandCpuMs("postgres"), pooler: commandCpuMs("pgbouncer") };
  const r = await runLoad({ port: app.port, concurrency, durationMs, warmupMs: 0, next });
  const cpu1 = { node: treeCpuMs(app.pid), pg: commandCpuMs("postgres"), pooler: commandCpuMs("pgbouncer") };
  const m = mem.stop();
  const per = (a: number, b: number) => (b - a) / Math.max(1, r.count);
  return {
    ...r,
    memory: m.peak - m.start,
    nodeCpuMs: per(cpu0.node, cpu1.node),
    postgresCpuMs: per(cpu0.pg, cpu1.pg),
    poolerCpuMs: per(cpu0.pooler, cpu1.pooler),
  };
}

type StoreOnly = { callsPerSecond: number; driverCpuMs: number; postgresCpuMs: number; poolerCpuMs: number };

/**
 * The storing call alone (scripts/bench/store-only.ts), with Postgres' CPU measured
 * between the child's "measuring" line (after its warm-up) and its result line.
 */
async function storeOnly(event: "memory" | "realtime", mode: DatabaseMode): Promise<StoreOnly> {
  const child = spawn(
    "npx",
    ["tsx", "--require", "./scripts/server-only.cjs", "scripts/bench/store-only.ts", event, String(durationMs), String(concurrency)],
    {
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, ...mode.env, AUTH_SECRET: "bench-secret-bench-secret-bench-secret", LOG_LEVEL: "error" },
    },
  );
  let cpu0 = { pg: 0, pooler: 0 };
  const result = await new Promise<{ calls: number; cpuMs: number; pg: number; pooler: number }>((resolve, reject) => {
    let buffered = "";
    child.stdout!.on("data", (d: Buffer) => {
      buffered += d.toString();
      for (let nl = buffered.indexOf("\n"); nl >= 0; nl = buffered.indexOf("\n")) {
        const line = buffered.slice(0, nl).trim();
        buffered = buffered.slice(nl + 1);
        if (line === "measuring") cpu0 = { pg: commandCpuMs("postgres"), pooler: commandCpuMs("pgbouncer") };
        else if (line.startsWith("{"))
          resolve({
            ...(JSON.parse(line) as { calls: number; cpuMs: number }),
            pg: commandCpuMs("postgres"),
            pooler: commandCpuMs("pgbouncer"),
          });
      }
    });
    child.on("exit", (code) => reject(new Error(`store-only ${event} exited with ${code} before its result`)));
  });
  return {
    callsPerSecond: result.calls / (durationMs / 1000),
    driverCpuMs: result.cpuMs / result.calls,
    postgresCpuMs: (result.pg - cpu0.pg) / result.calls,
    poolerCpuMs: (result.pooler - cpu0.pooler) / result.calls,
  };
}

export async function benchIngest({ databaseUrl, modes }: { databaseUrl: string; modes: DatabaseMode[] }): Promise<BenchRow[]> {
  const run = Date.now().toString(36);
  const rows: BenchRow[] = [];
  for (const [m, mode] of modes.entries()) {
    const app = await startApp({ port: 3901 + m, databaseUrl, env: mode.env });
    const results: Record<string, Measured> = {};
    try {
      const headers = (name: string, i: number) => ({
        "content-type": "application/json",
        "idempotency-key": `${run}-${mode.label}-${name}-${i}`,
      });
      results.noop = await measure(app, (i) => ({
        path: "/api/bench/noop",
        headers: headers("noop", i),
        body: memoryBody(i, `${run}-noop`),
      }));
      results.memory = await measure(app, (i) => ({
        path: `/api/webhooks/memory/${appToken}?uid=bench-user-${i % 200}`,
        headers: headers("memory", i),
        body: memoryBody(i, `${run}-${mode.label}`),
      }));
      results.realtime = await measure(app, (i) => ({
        path: `/api/webhooks/realtime/${appToken}?uid=bench-live-${run}-${i % 200}`,
        headers: headers("realtime", i),
        body: realtimeBody(i, `${run}-${mode.label}`),
      }));
    } finally {
      await app.stop();
    }
    const alone = { memory: await storeOnly("memory", mode), realtime: await storeOnly("realtime", mode) };
    const noop = results.noop!;
    const where = mode.label === "direct" ? "direct" : "through PgBouncer";
    const cpu = (r: Measured) =>
      `Node ${r.nodeCpuMs.toFixed(2)} ms, Postgres ${r.postgresCpuMs.toFixed(2)} ms${mode.label === "PgBouncer" ? `, PgBouncer ${r.poolerCpuMs.toFixed(2)} ms` : ""}`;
    const webhookRows = (name: string, r: Measured, store: StoreOnly, ratio: number, p99Target?: number): BenchRow[] => [
      {
        bench: `ingest (${where}): ${name}`,
        metric: "throughput vs no-op route",
        value: `${r.rps.toFixed(0)} req/s = ${(r.rps / noop.rps).toFixed(2)}× of ${noop.rps.toFixed(0)}`,
        target: `≥ ${ratio}×`,
        ok: r.rps >= noop.rps * ratio,
      },
      {
        bench: `ingest (${where}): ${name}`,
        metric: "latency p50 / p99",
        value: `${ms(r.p50)} / ${ms(r.p99)}`,
        ...(p99Target ? { target: `p99 < ${p99Target} ms`, ok: r.p99 < p99Target } : {}),
      },
      { bench: `ingest (${where}): ${name}`, metric: "CPU per delivery", value: cpu(r) },
      {
        bench: `ingest (${where}): ${name}`,
        metric: "Node CPU: framework + driver + the rest",
        value: `${noop.nodeCpuMs.toFixed(2)} + ${store.driverCpuMs.toFixed(2)} + ${(r.nodeCpuMs - noop.nodeCpuMs - store.driverCpuMs).toFixed(2)} ms`,
        note: "no-op route; the storing call alone; auth, parse, validate, log row, dynamic route",
      },
      {
        bench: `ingest (${where}): ${name}`,
        metric: "non-2xx answers",
        value: String(r.failed),
        ok: r.failed === 0,
        note: r.failed ? JSON.stringify(r.statuses) : undefined,
      },
    ];
    rows.push(
      ...webhookRows("memory webhook", results.memory!, alone.memory, 0.5, 150),
      ...webhookRows("realtime webhook", results.realtime!, alone.realtime, 0.6),
      ...(["memory", "realtime"] as const).map((event): BenchRow => ({
        bench: `ingest (${where}): ${event} storing call alone`,
        metric: "calls/s; CPU per call",
        value: `${alone[event].callsPerSecond.toFixed(0)}/s; driver ${alone[event].driverCpuMs.toFixed(2)} ms, Postgres ${alone[event].postgresCpuMs.toFixed(2)} ms${mode.label === "PgBouncer" ? `, PgBouncer ${alone[event].poolerCpuMs.toFixed(2)} ms` : ""}`,
        note: "lib/ingest through db/client.ts, no HTTP",
      })),
      {
        bench: `ingest (${where}): no-op Next route (ceiling)`,
        metric: "throughput, p50 / p99",
        value: `${noop.rps.toFixed(0)} req/s, ${ms(noop.p50)} / ${ms(noop.p99)}`,
      },
      { bench: `ingest (${where}): no-op Next route (ceiling)`, metric: "CPU per request", value: cpu(noop) },
      {
        bench: `ingest (${where}): server memory growth`,
        metric: "memory / realtime webhook",
        value: `${mb(results.memory!.memory)} / ${mb(results.realtime!.memory)}`,
      },
    );
  }

  const floor = spawn(
    "npx",
    ["tsx", "--require", "./scripts/server-only.cjs", "scripts/bench/floor-server.ts", "--port", "3909", "--database", databaseUrl],
    {
      detached: true,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  await new Promise<void>((resolve) => floor.stdout!.on("data", (d: Buffer) => d.toString().includes("ready") && resolve()));
  try {
    const mem = sampleMemory(() => treeRss(floor.pid!));
    const r = await runLoad({
      port: 3909,
      concurrency,
      durationMs,
      next: (i) => ({
        path: `/?uid=bench-floor-${i % 200}`,
        headers: { "content-type": "application/json" },
        body: memoryBody(i, `${run}-floor`),
      }),
    });
    const m = mem.stop();
    rows.push({
      bench: "ingest: node:http + postgres.js (floor)",
      metric: "throughput, p50 / p99",
      value: `${r.rps.toFixed(0)} req/s, ${ms(r.p50)} / ${ms(r.p99)}`,
      note: `memory +${mb(m.peak - m.start)}`,
    });
  } finally {
    await stopGroup(floor);
  }
  return rows;
}
