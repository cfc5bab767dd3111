/**
 * `npm run bench`: every benchmark in scripts/bench/ against a production build on a
 * real Postgres, one table at the end (also written to .bench/results.md).
 *   BENCH_DATABASE_URL  server to use (default DATABASE_URL, else the local server)
 *   BENCH_ONLY=ingest,live   run a subset     BENCH_SECONDS=10   load duration
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { benchDatabaseUrl, ensureBuild, ensureDatabase } from "./lib/app";
import { printTable, type BenchRow } from "./lib/stats";
import { benchIngest } from "./ingest";
import { benchLive } from "./live";
import { benchAudioIngest } from "./audio-ingest";
import { benchWav } from "./wav";
import { benchMemories } from "./memories";

type Bench = { name: string; run: (ctx: { databaseUrl: string }) => Promise<BenchRow[]> };

const benches: Bench[] = [
  { name: "ingest", run: benchIngest },
  { name: "live", run: benchLive },
  { name: "audio", run: benchAudioIngest },
  { name: "wav", run: benchWav },
  { name: "memories", run: benchMemories },
];

const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim());
const databaseUrl = benchDatabaseUrl();

ensureBuild({ rebuild: process.argv.includes("--rebuild") });
await ensureDatabase(databaseUrl);

const rows: BenchRow[] = [];
for (const bench of benches) {
  if (only && !only.includes(bench.name)) continue;
  const started = Date.now();
  console.log(`\nbench: ${bench.name} …`);
  try {
    rows.push(...(await bench.run({ databaseUrl })));
  } catch (err) {
    rows.push({ bench: bench.name, metric: "error", value: err instanceof Error ? err.message : String(err), ok: false });
  }
  console.log(`bench: ${bench.name} done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
const table = printTable(rows);
const out = `Machine: ${machine}\nDate: ${new Date().toISOString()}\n\n${table}\n`;
console.log(`\n${out}`);
mkdirSync(".bench", { recursive: true });
writeFileSync(".bench/results.md", out);
