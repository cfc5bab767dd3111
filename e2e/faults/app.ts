/**
 * Extra production servers for the fault tests: `next start` from the build the e2e
 * run already made (NEXT_DIST_DIR, default .next), in its own process group so a test
 * can SIGKILL it, on its own fresh database (a PGlite folder, or a new database on the
 * Postgres server named by DATABASE_URL / TEST_BASE_DATABASE_URL).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";

export const faultAppToken = "fault-app-webhook-token";
const distDir = process.env.NEXT_DIST_DIR ?? ".next";

/** The Postgres server to use, if any. */
export function postgresBaseUrl(): string | null {
  return process.env.DATABASE_URL || process.env.TEST_BASE_DATABASE_URL || null;
}

export type FaultDatabase = {
  kind: "pglite" | "postgres";
  /** Env for the app (PGLITE_DIR+DATA_DIR, or DATABASE_URL). */
  env: Record<string, string>;
  /** Direct URL of the Postgres database (not through any proxy). */
  url?: string;
  /** Runs SQL directly against the database (for PGlite: only while no server has it open). */
  query: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
  drop: () => Promise<void>;
};

function migrate(env: Record<string, string>) {
  const r = spawnSync("npx", ["tsx", "--require", "./scripts/server-only.cjs", "db/migrate.ts"], {
    stdio: "inherit",
    env: withoutDatabaseUrl({ ...process.env, ...env }, env),
  });
  if (r.status !== 0) throw new Error("migrating the fault-test database failed");
}

function withoutDatabaseUrl(all: NodeJS.ProcessEnv, own: Record<string, string>): NodeJS.ProcessEnv {
  const out = { ...all };
  if (!own.DATABASE_URL) delete out.DATABASE_URL;
  return out;
}

export async function freshDatabase(
  kind: "pglite" | "postgres",
  label: string,
  { migrated = true }: { migrated?: boolean } = {},
): Promise<FaultDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `omihub-fault-${label}-`));
  if (kind === "pglite") {
    const env = { DATA_DIR: dataDir, PGLITE_DIR: path.join(dataDir, "pglite") };
    migrate(env);
    return {
      kind,
      env,
      query: async <T>(text: string, params: unknown[] = []) => {
        const { PGlite } = await import("@electric-sql/pglite");
        const db = new PGlite(env.PGLITE_DIR);
        try {
          return (await db.query<T>(text, params)).rows;
        } finally {
          await db.close();
        }
      },
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const base = postgresBaseUrl();
  if (!base) throw new Error("no Postgres server: set DATABASE_URL or TEST_BASE_DATABASE_URL");
  const name = `omihub_fault_${label}_${Date.now().toString(36)}`.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const env = { DATA_DIR: dataDir, DATABASE_URL: url.toString() };
  if (migrated) migrate(env);
  const sql = postgres(url.toString(), { max: 2, onnotice: () => {} });
  return {
    kind,
    env,
    url: url.toString(),
    query: async <T>(text: string, params: unknown[] = []) => (await sql.unsafe(text, params as never[])) as unknown as T[],
    drop: async () => {
      await sql.end({ timeout: 5 });
      const admin2 = postgres(base, { max: 1, onnotice: () => {} });
      await admin2.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
      await admin2.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type FaultApp = { url: string; pid: number; kill: () => Promise<void>; stop: () => Promise<void> };

/**
 * Starts `next start` on `port` with the database env (and `env`); resolves once
 * /api/health answers 200. With `output`, the server's stdout and stderr lines are
 * collected there (at LOG_LEVEL warn) for a test to read.
 */
export async function startFaultApp({
  port,
  dbEnv,
  env: extraEnv = {},
  output,
  appToken = true,
}: {
  port: number;
  dbEnv: Record<string, string>;
  env?: Record<string, string>;
  output?: string[];
  /** false: no app-wide webhook token and no Omi app credentials (links are then trusted, not proven by code). */
  appToken?: boolean;
}): Promise<FaultApp> {
  const env = withoutDatabaseUrl(
    {
      ...process.env,
      ...dbEnv,
      PORT: String(port),
      NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_MANUAL_SIG_HANDLE: "true",
      AUTH_SECRET: "fault-tests-secret-fault-tests-secret",
      // An app token needs Omi app credentials (lib/env.ts); nothing here calls Omi.
      ...(appToken
        ? {
            OMI_WEBHOOK_TOKEN: faultAppToken,
            OMI_APP_ID: "fault-app",
            OMI_APP_SECRET: "fault-app-secret",
            OMI_API_URL: "http://127.0.0.1:9",
          }
        : {}),
      DISABLE_SCHEDULER: "1",
      LOG_LEVEL: output ? "warn" : "error",
      ...extraEnv,
    },
    dbEnv,
  );
  const child = spawn(path.join("node_modules", ".bin", "next"), ["start", "--port", String(port)], {
    detached: true,
    stdio: ["ignore", output ? "pipe" : "ignore", output ? "pipe" : "inherit"],
    env,
  });
  if (output) {
    for (const stream of [child.stdout, child.stderr])
      stream?.on("data", (d: Buffer) => output.push(...d.toString().split("\n").filter(Boolean)));
  }
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child);
  return {
    url,
    pid: child.pid!,
    kill: () => signalGroup(child, "SIGKILL"),
    stop: () => signalGroup(child, "SIGTERM"),
  };
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  signalGroup(child, "SIGKILL").catch(() => {});
  throw new Error(`${url} did not become healthy within ${timeoutMs} ms`);
}

/** Signals the whole process group and waits for the server to exit (SIGKILL after 10 s). */
async function signalGroup(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise((r) => child.once("exit", r));
  try {
    process.kill(-child.pid, signal);
  } catch {}
  const timer = new Promise((r) => setTimeout(r, 10_000, "timeout"));
  if ((await Promise.race([exited, timer])) === "timeout") {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {}
    await exited;
  }
}
