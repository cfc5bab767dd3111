/**
 * Starts the production build for end-to-end tests on a fresh, migrated database:
 * a new database on the server when DATABASE_URL is set, else a new PGlite folder.
 * Playwright's webServer owns this process; on SIGTERM the server and database close.
 *
 *   E2E_PORT       port (default 3100)
 *   E2E_SKIP_BUILD skip `npm run build` (test-all builds once before Playwright)
 *   E2E_ENV_*      extra env for the app, e.g. E2E_ENV_OMI_APP_ID=…
 *   E2E_POOLER_URL a transaction pooler in front of DATABASE_URL's server: the app runs in pooled mode
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";

const port = process.env.E2E_PORT ?? "3100";
const distDir = process.env.NEXT_DIST_DIR ?? ".next";

async function freshDatabase(): Promise<Record<string, string>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `omihub-e2e-${port}-`));
  const base = process.env.DATABASE_URL;
  if (!base) return { DATA_DIR: dataDir, PGLITE_DIR: path.join(dataDir, "pglite") };
  const name = `omihub_e2e_${port}_${Date.now().toString(36)}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  // Pooled mode: the app goes through the pooler; migrations and LISTEN go direct.
  if (process.env.E2E_POOLER_URL) {
    const pooled = new URL(process.env.E2E_POOLER_URL);
    pooled.pathname = url.pathname;
    return { DATA_DIR: dataDir, DATABASE_URL: pooled.toString(), DATABASE_URL_UNPOOLED: url.toString() };
  }
  return { DATA_DIR: dataDir, DATABASE_URL: url.toString() };
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const db = await freshDatabase();
const extra = Object.fromEntries(
  Object.entries(process.env)
    .filter(([k]) => k.startsWith("E2E_ENV_"))
    .map(([k, v]) => [k.slice("E2E_ENV_".length), v ?? ""]),
);
const env: NodeJS.ProcessEnv = {
  ...process.env,
  ...db,
  ...extra,
  PORT: port,
  NEXT_DIST_DIR: distDir,
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_MANUAL_SIG_HANDLE: "true",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
};
if (!db.DATABASE_URL) delete env.DATABASE_URL;

if (!process.env.E2E_SKIP_BUILD) run("npm", ["run", "build", "--silent"], env);
run("npx", ["tsx", "--require", "./scripts/server-only.cjs", "db/migrate.ts"], env);

const server = spawn(path.join("node_modules", ".bin", "next"), ["start", "--port", port], { stdio: "inherit", env });
const stop = () => server.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => {
  // The database was made for this run only: drop it, so runs leave no databases behind.
  void dropDatabase(db.DATABASE_URL_UNPOOLED ?? db.DATABASE_URL).finally(() => process.exit(code ?? 0));
});

async function dropDatabase(url: string | undefined): Promise<void> {
  if (!url || !process.env.DATABASE_URL) return;
  // Dropped directly, not through a pooler.
  const name = new URL(url).pathname.slice(1);
  const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  await admin.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
  await admin.end({ timeout: 2 });
}
