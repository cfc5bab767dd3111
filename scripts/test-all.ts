/**
 * `npm test`: typecheck, lint, Vitest (unit + integration on a real database),
 * a production build, then Playwright end-to-end in Debian's Chromium. Every step
 * runs even when an earlier one fails, so one run shows everything; the last line
 * is `N passed, N failed` (CI reads it), and the exit code is non-zero on any failure.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

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
  const report = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numTotalTestSuites: number; numFailedTestSuites: number };
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
check("lint", "npx", ["eslint", "--max-warnings", "0", "."]);

const vitestJson = path.join(outDir, "vitest.json");
step("vitest", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
{
  const [p, f] = vitestCounts(vitestJson);
  passed += p;
  failed += f;
}

if (step("build", "npx", ["next", "build"])) {
  passed++;
  const pwJson = path.join(outDir, "playwright.json");
  step("e2e", "npx", ["playwright", "test"], { E2E_SKIP_BUILD: "1", PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
  const [p, f] = playwrightCounts(pwJson);
  passed += p;
  failed += f;
} else {
  failed++;
  summary.push("✗ e2e skipped: the build failed");
}

console.log(`\n${summary.join("\n")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
