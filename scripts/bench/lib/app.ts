/**
 * Runs the production build for benchmarks on a real Postgres: builds once into
 * .next-bench, creates and migrates the bench database, starts `next start` in its
 * own process group, and samples the server's memory (RSS of its process tree).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";

export const distDir = ".next-bench";
export const appToken = "bench-app-webhook-token";

/** postgres://…/omihub_bench on the server named by BENCH_DATABASE_URL or DATABASE_URL (default: local). */
export function benchDatabaseUrl(name = "omihub_bench"): string {
  const base = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function ensureDatabase(url: string, { fresh = false } = {}): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  if (fresh) await sql.unsafe(`drop database if exists "${name}" with (force)`);
  const [exists] = await sql`select 1 from pg_database where datname = ${name}`;
  if (!exists) await sql.unsafe(`create database "${name}"`);
  await sql.end();
  const r = spawnSync("npx", ["tsx", "--require", "./scripts/server-only.cjs", "db/migrate.ts"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: url },
  });
  if (r.status !== 0) throw new Error("migrating the bench database failed");
}

export function ensureBuild({ rebuild = false } = {}): void {
  if (!rebuild && existsSync(path.join(distDir, "BUILD_ID"))) return;
  console.log(`bench: building the app into ${distDir} …`);
  const r = spawnSync("npx", ["next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) throw new Error("next build failed");
}

export type RunningApp = { port: number; url: string; pid: number; rss: () => number; stop: () => Promise<void> };

export async function startApp({
  port,
  databaseUrl,
  env = {},
}: {
  port: number;
  databaseUrl: string;
  env?: Record<string, string>;
}): Promise<RunningApp> {
  const child = spawn(path.join("node_modules", ".bin", "next"), ["start", "--port", String(port)], {
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_MANUAL_SIG_HANDLE: "true",
      AUTH_SECRET: "bench-secret-bench-secret-bench-secret",
      OMI_WEBHOOK_TOKEN: appToken,
      // An app token needs Omi app credentials (lib/env.ts); the benchmarks never call Omi.
      OMI_APP_ID: "bench-app",
      OMI_APP_SECRET: "bench-app-secret",
      OMI_API_URL: "http://127.0.0.1:9",
      BENCH_ROUTES: "1",
      DISABLE_SCHEDULER: "1",
      LOG_LEVEL: "error",
      ...env,
    },
  });
  await waitForHealth(`http://127.0.0.1:${port}/api/health`, child);
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    rss: () => treeRss(child.pid!),
    stop: () => stopGroup(child),
  };
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer ${url} within ${timeoutMs} ms`);
}

export async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || !child.pid) return;
  const exited = new Promise((r) => child.once("exit", r));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {}
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {}
}

/**
 * Process figures come from Linux's proc filesystem, the kernel's own interface (proc(5)):
 * `status` (PPid, VmRSS), `stat` (utime, stime) and `comm` of each process, as
 * docs/BENCHMARKS.md "Ingest comparison" describes.
 */
const PROC = "/proc";
const pids = () => readdirSync(PROC).filter((entry) => /^\d+$/.test(entry));
const procFile = (pid: number | string, name: "status" | "stat" | "comm") => readFileSync(path.join(PROC, String(pid), name), "utf8");

/** A process and all its descendants. */
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of pids()) {
    try {
      const ppid = Number(/PPid:\s+(\d+)/.exec(procFile(entry, "status"))?.[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {}
  }
  const out: number[] = [];
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    out.push(p);
    stack.push(...(children.get(p) ?? []));
  }
  return out;
}

/** Resident memory of a process and all its descendants, in bytes. */
export function treeRss(pid: number): number {
  let total = 0;
  for (const p of processTree(pid)) {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(procFile(p, "status"))?.[1] ?? 0);
      total += kb * 1024;
    } catch {}
  }
  return total;
}

/** Clock ticks per second of utime and stime (USER_HZ; 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** User + system CPU time of one process so far, in ms (0 once it is gone). */
function cpuMsOf(pid: number): number {
  try {
    const stat = procFile(pid, "stat");
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** CPU time (ms) used so far by a process and its descendants. */
export function treeCpuMs(pid: number): number {
  return processTree(pid).reduce((sum, p) => sum + cpuMsOf(p), 0);
}

/** CPU time (ms) used so far by every process running `command` (all Postgres backends, PgBouncer). */
export function commandCpuMs(command: string): number {
  let total = 0;
  for (const entry of pids()) {
    try {
      if (procFile(entry, "comm").trim() === command) total += cpuMsOf(Number(entry));
    } catch {}
  }
  return total;
}

/** Samples RSS every 100 ms until stopped; reports the baseline and the peak. */
export function sampleMemory(rss: () => number): { stop: () => { start: number; peak: number } } {
  const start = rss();
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, rss());
  }, 100);
  return {
    stop: () => {
      clearInterval(timer);
      peak = Math.max(peak, rss());
      return { start, peak };
    },
  };
}
