/**
 * `npm test`: typecheck, format check (Prettier), lint, Vitest (unit + integration on a real database),
 * a production build, then Playwright end-to-end in Debian's Chromium; on a Postgres
 * server (DATABASE_URL), Vitest and Playwright once more through PgBouncer. Every step
 * runs even when an earlier one fails, so one run shows everything; the last line
 * is `N passed, N failed` (CI reads it), and the exit code is non-zero on any failure.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { pgbouncerBinary, startPgBouncer } from "./pgbouncer";

const outDir = path.resolve(".test-results");
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" };
let passed = 0;
let failed = 0;
const summary: string[] = [];

function step(name: string, cmd: string, args: string[], extraEnv: Record<string, string> = {}): boolean {
  const started = Date.now();
  console.log(`\n▶ ${name}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  const ok = r.status === 0;
  summary.push(`${ok ? "✓" : "✗"} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

function check(name: string, cmd: string, args: string[]) {
  if (step(name, cmd, args)) passed++;
  else failed++;
}

/** Counts from a Vitest JSON report; a run that produced no report counts as one failure. */
function vitestCounts(file: string): [number, number] {
  if (!existsSync(file)) return [0, 1];
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numTotalTestSuites: number;
    numFailedTestSuites: number;
  };
  return [report.numPassedTests, report.numFailedTests + (report.numFailedTests === 0 ? report.numFailedTestSuites : 0)];
}

type PwStats = { expected: number; unexpected: number; flaky: number; skipped: number };
function playwrightCounts(file: string): [number, number] {
  if (!existsSync(file)) return [0, 1];
  const report = JSON.parse(readFileSync(file, "utf8")) as { stats: PwStats; errors?: unknown[] };
  const errors = report.errors?.length ?? 0;
  return [report.stats.expected + report.stats.flaky, report.stats.unexpected + errors];
}

check("typecheck", "npx", ["tsc", "--noEmit"]);
check("format", "npx", ["prettier", "--check", "."]);
check("lint", "npx", ["eslint", "--max-warnings", "0", "."]);

function vitest(name: string, extraEnv: Record<string, string> = {}) {
  const file = path.join(outDir, `${name}.json`);
  step(name, "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`], extraEnv);
  const [p, f] = vitestCounts(file);
  passed += p;
  failed += f;
}

function e2e(name: string, extraEnv: Record<string, string> = {}) {
  const file = path.join(outDir, `${name}.json`);
  step(name, "npx", ["playwright", "test"], { E2E_SKIP_BUILD: "1", PLAYWRIGHT_JSON_OUTPUT_NAME: file, ...extraEnv });
  const [p, f] = playwrightCounts(file);
  passed += p;
  failed += f;
}

vitest("vitest");
const built = step("build", "npm", ["run", "build", "--silent"]);
if (built) {
  passed++;
  e2e("e2e");
} else {
  failed++;
  summary.push("✗ e2e skipped: the build failed");
}

// On a Postgres server, the integration and end-to-end layers run once more with the
// app behind a real PgBouncer in transaction mode (docs/ARCHITECTURE.md "Pooled mode"):
// DATABASE_URL through the pooler, DATABASE_URL_UNPOOLED direct.
if (process.env.DATABASE_URL) {
  if (!pgbouncerBinary()) {
    const message = "PgBouncer is not installed (apt-get install pgbouncer): the pooled runs were skipped";
    summary.push(`${process.env.CI ? "✗" : "–"} ${message}`);
    if (process.env.CI) failed++;
  } else {
    const bouncer = await startPgBouncer({ upstream: process.env.DATABASE_URL });
    try {
      vitest("vitest-pooled", { TEST_POOLER_URL: bouncer.url });
      if (built) e2e("e2e-pooled", { E2E_POOLER_URL: bouncer.url, E2E_OUTPUT_DIR: "test-results/pooled" });
    } finally {
      await bouncer.stop();
    }
  }
}

console.log(`\n${summary.join("\n")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
