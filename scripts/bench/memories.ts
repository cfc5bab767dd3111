/**
 * Memories list and search at 100,000 memories (2,000,000 segments), through the API on
 * the production build (issue 6): the first list page, a page 50 cursors deep, and 50
 * searches from a fixed list mixing rare and common words. Target: p95 < 100 ms each.
 *
 * The data set lives in its own database (omihub_bench_memories), bulk-loaded ONCE with
 * set-based SQL (the seed of docs/benchmarks/memories.md, with the word list inlined as
 * a constant array so no sub-query runs per word) and reused; `--reseed` drops and
 * reloads it. One account, bench-user, sees everything: 80% of the memories arrived
 * through its personal token, 20% through the app token for its verified uid, so both
 * visibility branches of the list run.
 *
 * It also captures the executed plans (auto_explain: EXPLAIN ANALYZE, BUFFERS of the
 * exact SQL lib/memories runs) into .bench/memories-plans.md.
 *   BENCH_ONLY=memories npm run bench          npm run bench -- --reseed
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { benchDatabaseUrl, ensureDatabase, sampleMemory, startApp } from "./lib/app";
import { mb, ms, percentile, type BenchRow } from "./lib/stats";

export const memoriesDatabaseUrl = () => benchDatabaseUrl("omihub_bench_memories");

export const MEMORIES = 100_000;
const SEGMENTS_PER_MEMORY = 20;
export const USER = "bench-user";
export const LINKED_UID = "bench-uid";
const REPEATS = 40;
const DEPTH = 50;

const vocabulary = [
  "the",
  "and",
  "we",
  "to",
  "a",
  "of",
  "it",
  "is",
  "that",
  "you",
  "meeting",
  "budget",
  "launch",
  "contract",
  "coffee",
  "travel",
  "doctor",
  "project",
  "team",
  "plan",
  "review",
  "call",
  "email",
  "design",
  "friday",
  "monday",
  "client",
  "price",
  "report",
  "school",
  "family",
  "dinner",
  "weekend",
  "garden",
  "music",
  "book",
  "movie",
  "running",
  "lunch",
  "office",
];

/** 50 searches: common words (in most memories), rare tokens (a handful), pairs, phrases, and misses. */
export const searchWords = [
  // 20 common single words
  "the",
  "and",
  "meeting",
  "budget",
  "launch",
  "contract",
  "coffee",
  "travel",
  "doctor",
  "project",
  "team",
  "plan",
  "review",
  "friday",
  "client",
  "price",
  "school",
  "dinner",
  "garden",
  "office",
  // 15 rare tokens (one word in ten is r<0..199999>)
  "r12345",
  "r777",
  "r199999",
  "r50000",
  "r31337",
  "r4242",
  "r100001",
  "r2024",
  "r86400",
  "r65535",
  "r123",
  "r98765",
  "r1",
  "r150150",
  "r909",
  // 8 two-word searches (both words must match)
  "meeting friday",
  "budget review",
  "coffee dinner",
  "team plan",
  "doctor monday",
  "music weekend",
  "client r12345",
  "school r777",
  // 4 phrases of two adjacent words
  '"coffee travel"',
  '"the budget"',
  '"team meeting"',
  '"r12345 the"',
  // 3 that match nothing
  "zebra",
  "quantum",
  "r999999",
];

/** The seed (docs/benchmarks/memories.md), one statement at a time on one connection. */
function seedStatements(): string[] {
  const words = `array[${vocabulary.map((w) => `'${w}'`).join(",")}]`;
  return [
    `insert into users(id,email) values ('${USER}','bench@example.test')`,
    `insert into omi_links(id,user_id,uid,status) values ('bench-link','${USER}','${LINKED_UID}','verified')`,
    `create temp table segs as
     select g as m, s as idx,
       (select string_agg(case when abs(hashint4(g*1000+s*10+k)) % 10 = 0 then 'r' || (abs(hashint4(g*7+s*13+k)) % 200000)::text
                          else (${words})[1 + abs(hashint4(g*31+s*17+k*3)) % 40] end, ' ')
        from generate_series(1,9) k) as text
     from generate_series(1,${MEMORIES}) g, generate_series(0,${SEGMENTS_PER_MEMORY - 1}) s`,
    `insert into memories (id, uid, owner_user_id, omi_id, title, overview, category, started_at, finished_at, transcript_text, action_item_count, duration_seconds, raw)
     select 'm' || g, case when g % 5 = 0 then '${LINKED_UID}' else 'bench-uid-2' end, case when g % 5 = 0 then null else '${USER}' end,
       'o' || g, 'Memory ' || g || ' about ' || (${words})[1 + g % 40], 'Overview of memory ' || g || ' with ' || (${words})[1 + (g*7) % 40],
       (array['work','personal','business','health','other'])[1 + g % 5], now() - g * interval '7 minutes', now() - g * interval '7 minutes' + interval '15 minutes',
       t.text, 2, 900, '{}'::jsonb
     from generate_series(1,${MEMORIES}) g join (select m, string_agg(text, E'\\n' order by idx) as text from segs group by m) t on t.m = g`,
    `insert into memory_segments (memory_id, idx, segment_id, text, speaker, speaker_id, is_user, start, "end")
     select 'm' || m, idx, 's' || m || '-' || idx, text, 'SPEAKER_' || (idx % 3), idx % 3, idx % 3 = 0, idx * 5, idx * 5 + 4 from segs`,
    `insert into action_items (id, memory_id, idx, description)
     select 'a' || g || '-' || i, 'm' || g, i, 'Task ' || i || ' of ' || g from generate_series(1,${MEMORIES}) g, generate_series(0,1) i`,
    `drop table segs`,
    `vacuum analyze`,
  ];
}

/** Loads the data set unless it is already there (or --reseed). Returns seconds spent, 0 when reused. */
export async function ensureMemoriesSeed(url: string, { reseed = false } = {}): Promise<number> {
  await ensureDatabase(url, { fresh: reseed });
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [state] = await sql<{ memories: number; user: number }[]>`
      select (select count(*)::int from memories) as memories, (select count(*)::int from users where id = ${USER}) as "user"`;
    if (state!.memories === MEMORIES && state!.user === 1) return 0;
    if (state!.memories > 0 || state!.user > 0) {
      throw new Error(`${new URL(url).pathname.slice(1)} holds a partial data set (${state!.memories} memories): run with --reseed`);
    }
    console.log(`bench memories: loading ${MEMORIES.toLocaleString("en")} memories × ${SEGMENTS_PER_MEMORY} segments (once) …`);
    const started = Date.now();
    for (const statement of seedStatements()) {
      const t = Date.now();
      await sql.unsafe(statement);
      console.log(`  ${statement.trim().split(/\s+/).slice(0, 3).join(" ")} … ${((Date.now() - t) / 1000).toFixed(0)} s`);
    }
    return (Date.now() - started) / 1000;
  } finally {
    await sql.end();
  }
}

/** A fresh API token for bench-user, made with the project's own secrets and schema. */
export async function benchToken(url: string): Promise<string> {
  const { newToken, sha256 } = await import("@/lib/auth/secrets");
  const { allTokenScopes } = await import("@/lib/auth/token-scopes");
  const schema = await import("@/db/schema");
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const token = newToken("api");
    await drizzle(client, { schema })
      .insert(schema.apiTokens)
      .values({
        userId: USER,
        name: `bench ${new Date().toISOString()}`,
        tokenHash: sha256(token),
        prefix: token.slice(0, 10),
        scopes: allTokenScopes,
      });
    return token;
  } finally {
    await client.end();
  }
}

/**
 * Runs lib/memories' own queries on one connection with auto_explain on, so the plans
 * are those of the exact SQL the API runs (parameters included), with ANALYZE and BUFFERS.
 */
async function capturePlans(url: string, deepCursor: string | null): Promise<string> {
  const { listMemories } = await import("@/lib/memories/queries");
  const { memoryListQuerySchema } = await import("@/lib/api/schemas/memories");
  const { scopeFor } = await import("@/lib/auth/scope");
  const schema = await import("@/db/schema");
  let plans: string[] = [];
  const client = postgres(url, {
    max: 1,
    connection: { plan_cache_mode: "force_custom_plan" }, // the database default the app runs with (db/migrations 0004)
    onnotice: (n) => {
      if (typeof n.message === "string" && n.message.includes("plan:")) plans.push(n.message);
    },
  });
  const on = drizzle(client, { schema });
  const out: string[] = [];
  try {
    await client.unsafe(`load 'auto_explain'`);
    for (const s of [
      "set auto_explain.log_min_duration = 0",
      "set auto_explain.log_analyze = on",
      "set auto_explain.log_buffers = on",
      "set auto_explain.log_timing = on",
      "set client_min_messages = log",
    ]) {
      await client.unsafe(s);
    }
    const scope = await scopeFor(USER, on);
    const cases: [string, Record<string, string>][] = [
      ["List, first page", {}],
      [`List, page ${DEPTH} (cursor ${DEPTH} pages deep)`, deepCursor ? { cursor: deepCursor } : {}],
      ["Search, a word in nearly every memory: `the`", { q: "the" }],
      ["Search, a common word: `budget`", { q: "budget" }],
      ["Search, a rare token: `r12345`", { q: "r12345" }],
      ['Search, a phrase of two common words: `"coffee travel"`', { q: '"coffee travel"' }],
    ];
    for (const [title, query] of cases) {
      await listMemories({ scope, query: memoryListQuerySchema.parse(query), on }); // warm
      plans = [];
      await listMemories({ scope, query: memoryListQuerySchema.parse(query), on });
      // auto_explain prints "duration … plan:", the query text, then the plan: keep the plan.
      const lines = (plans.at(-1) ?? "(no plan captured)").split("\n");
      const start = lines.findIndex((l) => /^\S.*\(cost=/.test(l));
      const plan = (start >= 0 ? lines.slice(start) : lines).join("\n");
      out.push(`### ${title}\n\n\`\`\`\n${plan.trim()}\n\`\`\`\n`);
    }
  } finally {
    await client.end();
  }
  return out.join("\n");
}

async function timedGet(url: string, token: string): Promise<{ ms: number; body: { items: unknown[]; nextCursor: string | null } }> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  const took = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return { ms: took, body: JSON.parse(text) as { items: unknown[]; nextCursor: string | null } };
}

export async function benchMemories(): Promise<BenchRow[]> {
  const url = memoriesDatabaseUrl();
  const seedSeconds = await ensureMemoriesSeed(url, { reseed: process.argv.includes("--reseed") });
  const token = await benchToken(url);
  const app = await startApp({ port: 3931, databaseUrl: url });
  const list = `${app.url}/api/v1/memories`;
  const p = (xs: number[], q: number) =>
    percentile(
      [...xs].sort((a, b) => a - b),
      q,
    );
  const first: number[] = [];
  const deep: number[] = [];
  const searches: { q: string; ms: number; hits: number }[] = [];
  let deepCursor: string | null = null;
  let mem: { start: number; peak: number } | null = null;
  try {
    const memory = sampleMemory(app.rss);
    await timedGet(list, token); // warm the route and the connection pool
    for (let i = 0; i < REPEATS; i++) first.push((await timedGet(list, token)).ms);

    // Follow nextCursor DEPTH times; then ask for that deepest page again and again.
    let cursor: string | null = null;
    for (let page = 1; page <= DEPTH; page++) {
      const r = await timedGet(cursor ? `${list}?cursor=${encodeURIComponent(cursor)}` : list, token);
      if (!r.body.nextCursor) throw new Error(`the list ended after ${page} pages`);
      cursor = r.body.nextCursor;
    }
    deepCursor = cursor;
    for (let i = 0; i < REPEATS; i++) deep.push((await timedGet(`${list}?cursor=${encodeURIComponent(deepCursor!)}`, token)).ms);

    for (const q of searchWords) {
      const r = await timedGet(`${list}?q=${encodeURIComponent(q)}`, token);
      searches.push({ q, ms: r.ms, hits: r.body.items.length });
    }
    mem = memory.stop();
  } finally {
    await app.stop();
  }

  const plans = await capturePlans(url, deepCursor);
  mkdirSync(".bench", { recursive: true });
  writeFileSync(".bench/memories-plans.md", plans);

  const searchMs = searches.map((s) => s.ms);
  const worst = [...searches].sort((a, b) => b.ms - a.ms).slice(0, 3);
  const group = (from: number, to: number) => searchMs.slice(from, to);
  const name = `memories: ${MEMORIES.toLocaleString("en")} memories, ${(MEMORIES * SEGMENTS_PER_MEMORY).toLocaleString("en")} segments`;
  const target = "p95 < 100 ms";
  return [
    { bench: name, metric: "data set", value: seedSeconds ? `seeded in ${seedSeconds.toFixed(0)} s` : "reused (seeded earlier)" },
    {
      bench: name,
      metric: `first list page p50 / p95 (${REPEATS}×)`,
      value: `${ms(p(first, 50))} / ${ms(p(first, 95))}`,
      target,
      ok: p(first, 95) < 100,
    },
    {
      bench: name,
      metric: `page ${DEPTH} cursors deep p50 / p95 (${REPEATS}×)`,
      value: `${ms(p(deep, 50))} / ${ms(p(deep, 95))}`,
      target,
      ok: p(deep, 95) < 100,
    },
    {
      bench: name,
      metric: `${searches.length} searches p50 / p95`,
      value: `${ms(p(searchMs, 50))} / ${ms(p(searchMs, 95))}`,
      target,
      ok: p(searchMs, 95) < 100,
      note: `slowest: ${worst.map((w) => `${w.q} ${ms(w.ms)}`).join(", ")}`,
    },
    { bench: name, metric: "… common words p50 / max", value: `${ms(p(group(0, 20), 50))} / ${ms(p(group(0, 20), 100))}` },
    { bench: name, metric: "… rare tokens p50 / max", value: `${ms(p(group(20, 35), 50))} / ${ms(p(group(20, 35), 100))}` },
    { bench: name, metric: "… two words and phrases p50 / max", value: `${ms(p(group(35, 47), 50))} / ${ms(p(group(35, 47), 100))}` },
    {
      bench: name,
      metric: "server memory start → peak",
      value: mem ? `${mb(mem.start)} → ${mb(mem.peak)} (+${mb(mem.peak - mem.start)})` : "n/a",
    },
  ];
}

// On its own: npx tsx --require ./scripts/server-only.cjs scripts/bench/memories.ts [--reseed] [--seed-only]
if (import.meta.url === `file://${process.argv[1]}`) {
  const { ensureBuild } = await import("./lib/app");
  const { printTable } = await import("./lib/stats");
  if (process.argv.includes("--seed-only")) {
    const seconds = await ensureMemoriesSeed(memoriesDatabaseUrl(), { reseed: process.argv.includes("--reseed") });
    console.log(seconds ? `seeded in ${seconds.toFixed(0)} s` : "already seeded");
  } else {
    ensureBuild();
    console.log(printTable(await benchMemories()));
  }
}
