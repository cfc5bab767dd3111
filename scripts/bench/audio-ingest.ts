/**
 * Audio ingest under a realistic open load: 200 simulated wearers, each sending one
 * 1-second 16 kHz PCM16 chunk (32,000 bytes) per second through
 * POST /api/webhooks/audio/<token>?sample_rate=16000&uid=…, for BENCH_AUDIO_SECONDS
 * (default 20). The senders keep their own clock (open loop, like a phone): a slow
 * answer does not slow the next send, so a server that cannot keep up shows it as
 * growing latency and lateness rather than as a quietly lower offered rate.
 * Reports achieved vs offered rate, latency p50/p99, non-2xx answers, server memory,
 * and checks in the database that every wearer got exactly one recording holding
 * every chunk it sent (gap markers appear when a chunk arrived > 1.5 s late).
 *   BENCH_ONLY=audio npm run bench
 */
import http from "node:http";
import postgres from "postgres";
import { appToken, sampleMemory, startApp } from "./lib/app";
import type { DatabaseMode } from "./lib/modes";
import { mb, ms, summarize, type BenchRow } from "./lib/stats";

const users = Number(process.env.BENCH_AUDIO_USERS ?? 200);
const seconds = Number(process.env.BENCH_AUDIO_SECONDS ?? 20);
const sampleRate = 16000;

/** One second of a quiet tone: real-looking PCM16, so peaks are computed on real data. */
function chunk(): Buffer {
  const out = Buffer.alloc(sampleRate * 2);
  for (let s = 0; s < sampleRate; s++) out.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * s) / sampleRate) * 6000), s * 2);
  return out;
}

export async function benchAudioIngest({ databaseUrl, modes }: { databaseUrl: string; modes: DatabaseMode[] }): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [m, mode] of modes.entries()) rows.push(...(await audioIngestOnce({ databaseUrl, mode, port: 3921 + m })));
  return rows;
}

async function audioIngestOnce({
  databaseUrl,
  mode,
  port,
}: {
  databaseUrl: string;
  mode: DatabaseMode;
  port: number;
}): Promise<BenchRow[]> {
  const run = Date.now().toString(36);
  const body = chunk();
  const agent = new http.Agent({ keepAlive: true, maxSockets: users });
  const app = await startApp({ port, databaseUrl, env: mode.env });
  const latencies: number[] = [];
  const lateness: number[] = [];
  const statuses: Record<number, number> = {};
  let completed = 0;

  const send = (uid: string) =>
    new Promise<number>((resolve) => {
      const req = http.request(
        {
          host: "127.0.0.1",
          port: app.port,
          method: "POST",
          path: `/api/webhooks/audio/${appToken}?sample_rate=${sampleRate}&uid=${encodeURIComponent(uid)}`,
          agent,
          headers: { "content-type": "application/octet-stream", "content-length": String(body.length) },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", () => resolve(0));
      req.end(body);
    });

  let mem: { start: number; peak: number } | null = null;
  const t0 = performance.now();
  try {
    const memory = sampleMemory(app.rss);
    const inFlight: Promise<void>[] = [];
    // Wearer u sends at t0 + u/users + k seconds: an even spread, as independent phones would be.
    for (let u = 0; u < users; u++) {
      const uid = `bench-audio-${run}-${u}`;
      inFlight.push(
        (async () => {
          const sends: Promise<void>[] = [];
          for (let k = 0; k < seconds; k++) {
            const due = t0 + (u / users) * 1000 + k * 1000;
            const wait = due - performance.now();
            if (wait > 0) await new Promise((r) => setTimeout(r, wait));
            const sentAt = performance.now();
            lateness.push(sentAt - due);
            sends.push(
              send(uid).then((status) => {
                latencies.push(performance.now() - sentAt);
                statuses[status] = (statuses[status] ?? 0) + 1;
                completed++;
              }),
            );
          }
          await Promise.all(sends);
        })(),
      );
    }
    await Promise.all(inFlight);
    mem = memory.stop();
  } finally {
    agent.destroy();
    await app.stop();
  }
  const elapsed = (performance.now() - t0) / 1000;

  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const perUser = await sql<{ uid: string; recordings: number; chunks: number; bytes: number; gaps: number }[]>`
    select uid, count(*)::int as recordings, sum(chunk_count)::int as chunks, sum(byte_length)::float8 as bytes,
      sum(jsonb_array_length(gaps))::int as gaps
    from recordings where uid like ${`bench-audio-${run}-%`} group by uid`;
  await sql.end();

  const ok = Object.entries(statuses)
    .filter(([s]) => Number(s) >= 200 && Number(s) < 300)
    .reduce((a, [, n]) => a + n, 0);
  const failed = completed - ok;
  const lat = summarize(latencies);
  const late = summarize(lateness);
  const offered = users;
  const achieved = ok / elapsed;
  const oneRecordingEach = perUser.length === users && perUser.every((r) => r.recordings === 1 && r.chunks === seconds);
  const storedBytes = perUser.reduce((a, r) => a + r.bytes, 0);
  const gapMarkers = perUser.reduce((a, r) => a + r.gaps, 0);
  const growth = mem ? mem.peak - mem.start : NaN;
  const name = `audio ingest (${mode.label === "direct" ? "direct" : "through PgBouncer"}): ${users} wearers × 1 s chunk/s`;
  return [
    {
      bench: name,
      metric: "achieved / offered",
      value: `${achieved.toFixed(0)} / ${offered} chunks/s (${ok} of ${users * seconds} in ${elapsed.toFixed(1)} s)`,
      target: "keeps up (≥ 95% of offered)",
      ok: ok === users * seconds && achieved >= offered * 0.95,
    },
    {
      bench: name,
      metric: "latency p50 / p99",
      value: `${ms(lat.p50)} / ${ms(lat.p99)}`,
      target: "p99 < 500 ms",
      ok: lat.p99 < 500,
      note: `max ${ms(lat.max)}`,
    },
    {
      bench: name,
      metric: "sender lateness p99",
      value: ms(late.p99),
      note: "how late the load generator itself sent (same 2 cores)",
    },
    {
      bench: name,
      metric: "non-2xx answers",
      value: String(failed),
      ok: failed === 0,
      note: failed ? JSON.stringify(statuses) : undefined,
    },
    {
      bench: name,
      metric: "recordings formed",
      value: `${perUser.length} wearers, ${oneRecordingEach ? "one recording each with every chunk" : "NOT one complete recording each"}; ${mb(storedBytes)} stored; ${gapMarkers} gap markers`,
      ok: oneRecordingEach,
    },
    { bench: name, metric: "server memory start → peak", value: mem ? `${mb(mem.start)} → ${mb(mem.peak)} (+${mb(growth)})` : "n/a" },
  ];
}
