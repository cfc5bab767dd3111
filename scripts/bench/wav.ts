/**
 * WAV streaming of a 2-hour recording (16 kHz PCM16 mono, 7 200 one-second chunks,
 * ~230 MB) from Postgres through GET /api/v1/recordings/{id}/audio on the production
 * build: time to first byte of the whole file, time to first byte and to the last byte
 * of a mid-file seek (a 64 KB range in the middle, as a browser asks after a seek), and
 * the server's memory growth while one client reads the whole file.
 * Targets (issue 8): first byte and mid-file seek < 50 ms; memory growth < 50 MB.
 *
 * The recording is made once through the real ingest (ingestAudioChunk, so peaks and
 * offsets are the app's own) and reused by later runs.
 *   BENCH_ONLY=wav npm run bench      or on its own:   npx tsx --require ./scripts/server-only.cjs scripts/bench/wav.ts
 *   WAV_BENCH_DIST_DIR=.next-audio npx tsx --require ./scripts/server-only.cjs scripts/bench/wav.ts   (reuse an existing build)
 */
import { startApp, sampleMemory, benchDatabaseUrl, ensureBuild, ensureDatabase } from "./lib/app";
import { mb, ms, percentile, printTable, type BenchRow } from "./lib/stats";
import { allTokenScopes } from "@/lib/auth/token-scopes";

const SR = 16000;
const SECONDS = 2 * 60 * 60;
const UID = "bench-audio-2h";
const REPEATS = 20;

/** One second of a slowly varying tone, distinct per second so misplaced bytes would show. */
function second(i: number): Uint8Array {
  const out = new Uint8Array(SR * 2);
  const view = new DataView(out.buffer);
  for (let s = 0; s < SR; s++) view.setInt16(s * 2, Math.round(Math.sin((2 * Math.PI * (220 + (i % 50)) * s) / SR) * 8000), true);
  return out;
}

/** An account with an API token and, unless it exists already, its 2-hour recording. */
async function seed(databaseUrl: string): Promise<{ token: string; recordingId: string; bytes: number }> {
  process.env.DATABASE_URL = databaseUrl;
  const { db, closeDb } = await import("@/db/client");
  const { recordings, users } = await import("@/db/schema");
  const { createUser } = await import("@/lib/accounts/users");
  const { createApiToken } = await import("@/lib/accounts/api-tokens");
  const { ingestAudioChunk } = await import("@/lib/ingest/audio");
  const { eq } = await import("drizzle-orm");
  try {
    const email = "bench-audio@example.test";
    const user =
      (await db.select().from(users).where(eq(users.email, email)))[0] ?? (await createUser({ email, password: "bench-audio-password" }));
    const { token } = await createApiToken({ userId: user.id, name: `bench ${Date.now()}`, scopes: allTokenScopes });
    const full = SECONDS * SR * 2;
    const existing = (await db.select().from(recordings).where(eq(recordings.uid, UID))).find((r) => r.byteLength === full);
    if (existing) return { token, recordingId: existing.id, bytes: full };
    await db.delete(recordings).where(eq(recordings.uid, UID));
    console.log(`bench wav: storing a ${SECONDS / 3600}-hour recording (${mb(full)}) through ingestAudioChunk …`);
    const start = Date.now() - SECONDS * 1000;
    let recordingId = "";
    for (let i = 0; i < SECONDS; i++) {
      const r = await ingestAudioChunk(
        { uid: UID, ownerUserId: user.id, receivedAt: new Date(start + i * 1000) },
        { sampleRate: SR, pcm: second(i) },
      );
      recordingId = r.stored!.recordingId as string;
      if (i % 600 === 599) console.log(`  ${(i + 1) / 60} min stored`);
    }
    return { token, recordingId, bytes: full };
  } finally {
    await closeDb();
  }
}

/** Milliseconds to the response's first body byte; optionally reads to the end. */
async function timeRequest(
  url: string,
  headers: Record<string, string>,
  readAll: boolean,
): Promise<{ ttfb: number; total: number; bytes: number; status: number }> {
  const t0 = performance.now();
  const res = await fetch(url, { headers });
  const reader = res.body!.getReader();
  const first = await reader.read();
  const ttfb = performance.now() - t0;
  let bytes = first.value?.length ?? 0;
  if (readAll) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
    }
  } else {
    await reader.cancel();
  }
  return { ttfb, total: performance.now() - t0, bytes, status: res.status };
}

export async function benchWav({ databaseUrl }: { databaseUrl: string }): Promise<BenchRow[]> {
  const { token, recordingId, bytes } = await seed(databaseUrl);
  // WAV_BENCH_DIST_DIR: run against another build folder (e.g. one already built) instead of .next-bench.
  const distDir = process.env.WAV_BENCH_DIST_DIR;
  const app = await startApp({ port: 3903, databaseUrl, env: distDir ? { NEXT_DIST_DIR: distDir } : {} });
  const url = `${app.url}/api/v1/recordings/${recordingId}/audio`;
  const auth = { authorization: `Bearer ${token}` };
  const fileBytes = bytes + 44;
  try {
    await timeRequest(url, auth, false); // warm the route
    // Baseline: the same server's health check (one database round trip), to show what the machine allows right now.
    const health: number[] = [];
    for (let i = 0; i < REPEATS; i++) health.push((await timeRequest(`${app.url}/api/health`, {}, true)).ttfb);
    const firstByte: number[] = [];
    const seekFirst: number[] = [];
    const seekWhole: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      firstByte.push((await timeRequest(url, auth, false)).ttfb);
      // A different middle position each time, so no cache holds the answer.
      const at = Math.floor(fileBytes / 2) + i * 1_000_003;
      const r = await timeRequest(url, { ...auth, range: `bytes=${at}-${at + 65_535}` }, true);
      if (r.status !== 206 || r.bytes !== 65_536) throw new Error(`seek answered ${r.status} with ${r.bytes} bytes`);
      seekFirst.push(r.ttfb);
      seekWhole.push(r.total);
    }
    // The range issue 11 names: 1 MB from byte 115,000,000 (the middle of the file).
    const rangeFirst: number[] = [];
    const rangeWhole: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const r = await timeRequest(url, { ...auth, range: "bytes=115000000-115999999" }, true);
      if (r.status !== 206 || r.bytes !== 1_000_000) throw new Error(`1 MB seek answered ${r.status} with ${r.bytes} bytes`);
      rangeFirst.push(r.ttfb);
      rangeWhole.push(r.total);
    }
    const mem = sampleMemory(app.rss);
    const whole = await timeRequest(url, auth, true);
    const m = mem.stop();
    if (whole.bytes !== fileBytes) throw new Error(`full stream sent ${whole.bytes} of ${fileBytes} bytes`);

    const p = (xs: number[], q: number) =>
      percentile(
        [...xs].sort((a, b) => a - b),
        q,
      );
    const growth = m.peak - m.start;
    return [
      { bench: "wav: 2 h recording", metric: "size", value: `${mb(fileBytes)}, ${SECONDS} chunks` },
      { bench: "wav: 2 h recording", metric: "baseline: GET /api/health p50 / p95", value: `${ms(p(health, 50))} / ${ms(p(health, 95))}` },
      {
        bench: "wav: 2 h recording",
        metric: "first byte p50 / p95",
        value: `${ms(p(firstByte, 50))} / ${ms(p(firstByte, 95))}`,
        target: "< 50 ms",
        ok: p(firstByte, 95) < 50,
      },
      {
        bench: "wav: 2 h recording",
        metric: "mid-file seek (64 KB) first byte p50 / p95",
        value: `${ms(p(seekFirst, 50))} / ${ms(p(seekFirst, 95))}`,
        target: "< 50 ms",
        ok: p(seekFirst, 95) < 50,
      },
      {
        bench: "wav: 2 h recording",
        metric: "mid-file seek (64 KB) complete p50 / p95",
        value: `${ms(p(seekWhole, 50))} / ${ms(p(seekWhole, 95))}`,
      },
      {
        bench: "wav: 2 h recording",
        metric: "seek bytes=115000000-115999999 first byte p50 / p95",
        value: `${ms(p(rangeFirst, 50))} / ${ms(p(rangeFirst, 95))}`,
        target: "< 50 ms",
        ok: p(rangeFirst, 95) < 50,
      },
      {
        bench: "wav: 2 h recording",
        metric: "seek bytes=115000000-115999999 complete p50 / p95",
        value: `${ms(p(rangeWhole, 50))} / ${ms(p(rangeWhole, 95))}`,
      },
      {
        bench: "wav: 2 h recording",
        metric: "whole file streamed",
        value: `${(whole.total / 1000).toFixed(1)} s (${(fileBytes / 1024 / 1024 / (whole.total / 1000)).toFixed(0)} MB/s)`,
      },
      {
        bench: "wav: 2 h recording",
        metric: "server memory growth while streaming",
        value: `${mb(growth)} (${mb(m.start)} → ${mb(m.peak)})`,
        target: "< 50 MB",
        ok: growth < 50 * 1024 * 1024,
      },
    ];
  } finally {
    await app.stop();
  }
}

// Run on its own: npx tsx --require ./scripts/server-only.cjs scripts/bench/wav.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  const databaseUrl = benchDatabaseUrl();
  if (!process.env.WAV_BENCH_DIST_DIR) ensureBuild({ rebuild: process.argv.includes("--rebuild") });
  await ensureDatabase(databaseUrl);
  console.log(printTable(await benchWav({ databaseUrl })));
}
