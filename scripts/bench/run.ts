/**
 * `npm run bench`: every benchmark in scripts/bench/ against a production build on a
 * real Postgres, one table at the end (also written to .bench/results.md).
 *   BENCH_DATABASE_URL  server to use (default DATABASE_URL, else the local server)
 *   BENCH_ONLY=ingest,live,audio,wav,memories,mcp   run a subset     BENCH_SECONDS=10   ingest load duration
 *   --rebuild   rebuild .next-bench first (after code changes)     --reseed   reload the 100k-memory data set
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import postgres from "postgres";
import { benchDatabaseUrl, ensureBuild, ensureDatabase } from "./lib/app";
import { printTable, type BenchRow } from "./lib/stats";
import { benchIngest } from "./ingest";
import { benchLive } from "./live";
import { benchAudioIngest } from "./audio-ingest";
import { benchWav } from "./wav";
import { benchMemories } from "./memories";
import { databaseModes, type DatabaseMode } from "./lib/modes";
import { benchMcp } from "./mcp";

/**
 * Each bench starts with the writes of the one before on disk: a CHECKPOINT now instead
 * of one (and the kernel's writeback) in the middle of the next bench's reads, which
 * once made the searches' p95 0.5 s and the WAV seeks 3× slower right after the ingest
 * benches. Needs a superuser or pg_checkpoint; without, the benches run unsettled.
 */
async function settle(): Promise<void> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`checkpoint`;
  } catch {
    // not allowed here: nothing to do
  } finally {
    await sql.end();
  }
}

type Bench = { name: string; run: (ctx: { databaseUrl: string; modes: DatabaseMode[] }) => Promise<BenchRow[]> };

const benches: Bench[] = [
  { name: "ingest", run: benchIngest },
  { name: "live", run: benchLive },
  { name: "audio", run: benchAudioIngest },
  { name: "wav", run: benchWav },
  { name: "memories", run: benchMemories },
  { name: "mcp", run: benchMcp },
];

const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim());
const databaseUrl = benchDatabaseUrl();

ensureBuild({ rebuild: process.argv.includes("--rebuild") });
await ensureDatabase(databaseUrl);
const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
const [{ server_version: postgresVersion } = { server_version: "?" }] = await admin<{ server_version: string }[]>`show server_version`;
await admin.end();
// The machine may be shared: the load average says how much the figures were disturbed.
const loadAtStart = os.loadavg()[0]!;
const runStarted = Date.now();

// Direct and through PgBouncer (transaction mode), side by side in this one run.
const { modes, missing, stop: stopModes } = await databaseModes(databaseUrl);
const rows: BenchRow[] = [];
if (missing) rows.push({ bench: "pooled variants", metric: "not run", value: missing, ok: false });
for (const bench of benches) {
  if (only && !only.includes(bench.name)) continue;
  await settle();
  const started = Date.now();
  console.log(`\nbench: ${bench.name} …`);
  try {
    rows.push(...(await bench.run({ databaseUrl, modes })));
  } catch (err) {
    rows.push({ bench: bench.name, metric: "error", value: err instanceof Error ? err.message : String(err), ok: false });
  }
  console.log(`bench: ${bench.name} done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

await stopModes();

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, PostgreSQL ${postgresVersion}, ${os.platform()} ${os.release()}`;
const table = printTable(rows);
const load = `load average (1 min) ${loadAtStart.toFixed(1)} at start, ${os.loadavg()[0]!.toFixed(1)} at end`;
const out = `Machine: ${machine}\nDate: ${new Date().toISOString()} (benches took ${((Date.now() - runStarted) / 1000).toFixed(0)} s; ${load})\n\n${table}\n`;
console.log(`\n${out}`);
mkdirSync(".bench", { recursive: true });
writeFileSync(".bench/results.md", out);
