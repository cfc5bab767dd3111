/**
 * The MCP tools (issue 19) at 100,000 memories: each tool called through the SDK's own
 * client over HTTP against the production build, on the memories bench's data set
 * (scripts/bench/memories.ts seeds it once and both reuse it). Target: p95 < 200 ms per
 * tool, protocol included (every call is a JSON-RPC POST that builds its server).
 *
 * The memories data set has no recaps, live transcript or audio, so this bench adds a
 * little of each for bench-user, once, through the app's own webhooks (the Omi
 * simulator): 60 day summaries, a live session of 120 lines, 10 s of audio.
 *   BENCH_ONLY=mcp npm run bench
 */
import postgres from "postgres";
import { sendAudio, sendDaySummary, streamLive } from "../simulator";
import { callTool, connectMcp } from "../mcp/client";
import { startApp } from "./lib/app";
import { benchToken, ensureMemoriesSeed, LINKED_UID, memoriesDatabaseUrl, MEMORIES, searchWords, USER } from "./memories";
import { ms, percentile, type BenchRow } from "./lib/stats";

const REPEATS = 30;
const DAY_SUMMARIES = 60;
const LIVE_LINES = 120;

const day = (offset: number) => new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);

/** Recaps, a live session and a recording for bench-user, unless an earlier run added them. */
async function ensureExtras(url: string, app: { url: string }, token: string): Promise<string> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [have] = await sql<{ days: number; segments: number; recordings: number }[]>`
      select (select count(*)::int from day_summaries where owner_user_id = ${USER}) as days,
             (select count(*)::int from transcript_segments where owner_user_id = ${USER}) as segments,
             (select count(*)::int from recordings where owner_user_id = ${USER}) as recordings`;
    if (have!.days && have!.segments && have!.recordings) return "reused";
    const res = await fetch(`${app.url}/api/v1/account/webhooks`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`webhook URLs answered ${res.status}`);
    const target = { baseUrl: app.url, token: ((await res.json()) as { token: string }).token, uid: LINKED_UID, retries: false };
    if (!have!.days) for (let i = 1; i <= DAY_SUMMARIES; i++) await sendDaySummary({ ...target, date: day(i) });
    if (!have!.segments) await streamLive({ ...target, segments: LIVE_LINES, intervalMs: 0 });
    if (!have!.recordings) await sendAudio({ ...target, seconds: 10, burstSeconds: 10 });
    return `added ${DAY_SUMMARIES} day summaries, ${LIVE_LINES} live lines, 10 s of audio`;
  } finally {
    await sql.end();
  }
}

export async function benchMcp(_ctx?: unknown): Promise<BenchRow[]> {
  const url = memoriesDatabaseUrl();
  const seedSeconds = await ensureMemoriesSeed(url, { reseed: process.argv.includes("--reseed") });
  const token = await benchToken(url);
  const app = await startApp({ port: 3933, databaseUrl: url });
  const timings = new Map<string, number[]>();
  let extras = "";
  try {
    extras = await ensureExtras(url, app, token);
    const client = await connectMcp({ baseUrl: app.url, token });
    const time = async (label: string, tool: string, args: Record<string, unknown>) => {
      const t0 = performance.now();
      const r = await callTool(client, tool, args);
      const took = performance.now() - t0;
      if (r.isError) throw new Error(`${tool} ${JSON.stringify(args)}: ${r.text}`);
      timings.set(label, [...(timings.get(label) ?? []), took]);
      return r;
    };
    const items = (await callTool(client, "list_action_items", { limit: 5 })).data.items as { id: string }[];
    const session = (await callTool(client, "get_live_transcript", { max_segments: 1 })).data.session as { id: string };
    const calls: [string, string, (i: number) => Record<string, unknown>][] = [
      ["search_memories, 50 searches", "search_memories", (i) => ({ query: searchWords[i % searchWords.length] })],
      ["search_memories, newest (no query)", "search_memories", () => ({})],
      ["search_memories, a day and a category", "search_memories", (i) => ({ from: day(i % 60), to: day(i % 60), category: "work" })],
      ["get_memory (20 segments)", "get_memory", (i) => ({ id: `m${1 + ((i * 7919) % MEMORIES)}` })],
      ["list_action_items", "list_action_items", () => ({})],
      ["complete_action_item", "complete_action_item", (i) => ({ id: items[0]!.id, completed: i % 2 === 0 })],
      ["get_day_summary, one date", "get_day_summary", (i) => ({ date: day(1 + (i % DAY_SUMMARIES)) })],
      ["get_day_summary, 31 days", "get_day_summary", () => ({ from: day(31), to: day(1) })],
      ["get_live_transcript, current", "get_live_transcript", () => ({})],
      ["get_live_transcript, by id", "get_live_transcript", () => ({ session_id: session.id })],
      ["list_recordings", "list_recordings", () => ({})],
      // No Omi API here: the first is refused by the sender, the rest held by Omi's 30 s limit; no network call.
      ["send_notification (no Omi API configured)", "send_notification", (i) => ({ message: `bench ${Date.now()} ${i}` })],
    ];
    for (const [label, tool, args] of calls) {
      await time(`${label} (warm-up)`, tool, args(0));
      const n = label.startsWith("search_memories, 50") ? searchWords.length : REPEATS;
      for (let i = 0; i < n; i++) await time(label, tool, args(i));
    }
    // Leave the ticked item as the data set had it.
    await callTool(client, "complete_action_item", { id: items[0]!.id, completed: false });
    await client.close();
  } finally {
    await app.stop();
  }

  const name = `mcp: ${MEMORIES.toLocaleString("en")} memories, via the SDK client`;
  const target = "p95 < 200 ms";
  const rows: BenchRow[] = [
    {
      bench: name,
      metric: "data set",
      value: `${seedSeconds ? `seeded in ${seedSeconds.toFixed(0)} s` : "memories reused"}; extras ${extras}`,
    },
  ];
  for (const [label, xs] of timings) {
    if (label.endsWith("(warm-up)")) continue;
    const sorted = [...xs].sort((a, b) => a - b);
    const p95 = percentile(sorted, 95);
    rows.push({
      bench: name,
      metric: `${label} p50 / p95 (${xs.length}×)`,
      value: `${ms(percentile(sorted, 50))} / ${ms(p95)}`,
      target,
      ok: p95 < 200,
    });
  }
  return rows;
}

// On its own: npx tsx scripts/bench/mcp.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  const { ensureBuild } = await import("./lib/app");
  const { printTable } = await import("./lib/stats");
  ensureBuild();
  console.log(printTable(await benchMcp()));
}
