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
  const r = spawnSync("npx", ["tsx", "--require", "./scripts/server-only.cjs", "db/migrate.ts"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
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

export async function startApp({ port, databaseUrl, env = {} }: { port: number; databaseUrl: string; env?: Record<string, string> }): Promise<RunningApp> {
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

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
export function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/status`, "utf8"))?.[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {}
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
      total += kb * 1024;
    } catch {}
    stack.push(...(children.get(p) ?? []));
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
