/**
 * Live fan-out latency: webhook POST → SSE `segment` event, with 100 connected SSE
 * clients. Two app processes (`next start`) on one Postgres; the clients are spread over
 * both and every webhook goes to the first, so half of the measurements cross processes
 * through LISTEN/NOTIFY. 20 accounts × 5 streams each (the default per-account cap); each
 * delivery goes to one account, so its 5 readers measure it and the other 95 must ignore
 * it cheaply. Target (issue 7): p50 < 50 ms, p99 < 250 ms on this machine.
 */
import os from "node:os";
import { sampleMemory, startApp, type RunningApp } from "./lib/app";
import { mb, ms, summarize, type BenchRow } from "./lib/stats";
import { allTokenScopes } from "@/lib/auth/token-scopes";

const accounts = 20;
const perAccount = 5;
const deliveries = Number(process.env.BENCH_LIVE_DELIVERIES ?? 300);
const gapMs = 20;

type Account = { userId: string; apiToken: string; webhookToken: string; uid: string };

async function createAccounts(databaseUrl: string): Promise<Account[]> {
  // The app modules read DATABASE_URL once, on first import.
  process.env.DATABASE_URL = databaseUrl;
  process.env.LOG_LEVEL = "error";
  const { createUser } = await import("@/lib/accounts/users");
  const { createApiToken } = await import("@/lib/accounts/api-tokens");
  const { getWebhookToken } = await import("@/lib/auth/webhook-tokens");
  const run = Date.now().toString(36);
  const out: Account[] = [];
  for (let i = 0; i < accounts; i++) {
    const user = await createUser({ email: `bench-live-${run}-${i}@example.test`, password: `bench-password-${run}` });
    const { token } = await createApiToken({ userId: user.id, name: "bench", scopes: allTokenScopes });
    out.push({ userId: user.id, apiToken: token, webhookToken: await getWebhookToken(user.id), uid: `bench-live-${run}-${i}` });
  }
  const { closeDb } = await import("@/db/client");
  await closeDb();
  return out;
}

type Client = { account: number; app: number; abort: AbortController };

export async function benchLive({ databaseUrl }: { databaseUrl: string }): Promise<BenchRow[]> {
  const list = await createAccounts(databaseUrl);
  const apps: RunningApp[] = [];
  const sentAt = new Map<string, number>();
  const latencies: { ms: number; cross: boolean }[] = [];
  const clients: Client[] = [];
  try {
    apps.push(await startApp({ port: 3911, databaseUrl }), await startApp({ port: 3912, databaseUrl }));
    const { readSse } = await import("@/lib/live/sse-client");
    const readyAll: Promise<void>[] = [];
    for (let a = 0; a < accounts; a++) {
      for (let k = 0; k < perAccount; k++) {
        const client: Client = { account: a, app: (a * perAccount + k) % 2, abort: new AbortController() };
        clients.push(client);
        readyAll.push(
          new Promise<void>((ready, fail) => {
            void (async () => {
              const res = await fetch(`${apps[client.app]!.url}/api/v1/live/stream`, {
                headers: { authorization: `Bearer ${list[a]!.apiToken}` },
                signal: client.abort.signal,
              });
              if (res.status !== 200) return fail(new Error(`stream answered ${res.status}: ${await res.text()}`));
              for await (const e of readSse(res.body!)) {
                if (e.event === "ready") ready();
                if (e.event !== "segment") continue;
                const now = performance.now();
                const { text } = JSON.parse(e.data) as { text: string };
                const started = sentAt.get(text);
                if (started !== undefined) latencies.push({ ms: now - started, cross: client.app !== 0 });
              }
            })().catch((err: unknown) => {
              if (!client.abort.signal.aborted) fail(err as Error);
            });
          }),
        );
      }
    }
    await Promise.all(readyAll);
    // Both processes, with their 100 open streams, from the first delivery to the last event.
    const memory = sampleMemory(() => apps.reduce((sum, app) => sum + app.rss(), 0));

    let failed = 0;
    const answers: number[] = [];
    for (let i = 0; i < deliveries; i++) {
      const account = list[i % accounts]!;
      const text = `bench line ${i}`;
      const body = JSON.stringify({
        session_id: account.uid,
        segments: [{ id: `bench-${i}`, text, is_user: false, start: i, end: i + 1 }],
      });
      sentAt.set(text, performance.now());
      const res = await fetch(`${apps[0]!.url}/api/webhooks/realtime/${account.webhookToken}?uid=${account.uid}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      if (res.status !== 200) failed++;
      await res.arrayBuffer();
      answers.push(performance.now() - sentAt.get(text)!);
      await new Promise((r) => setTimeout(r, gapMs));
    }
    // Let the last events land.
    const expected = deliveries * perAccount;
    const end = Date.now() + 5000;
    while (latencies.length < expected && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    const mem = memory.stop();

    const all = summarize(latencies.map((l) => l.ms));
    const cross = summarize(latencies.filter((l) => l.cross).map((l) => l.ms));
    const same = summarize(latencies.filter((l) => !l.cross).map((l) => l.ms));
    return [
      {
        bench: "live: webhook → SSE event, 100 clients",
        metric: "latency p50 / p99",
        value: `${ms(all.p50)} / ${ms(all.p99)}`,
        target: "p50 < 50 ms, p99 < 250 ms",
        ok: all.p50 < 50 && all.p99 < 250,
      },
      {
        bench: "live: … of which the webhook's own answer",
        metric: "latency p50 / p99",
        value: `${ms(summarize(answers).p50)} / ${ms(summarize(answers).p99)}`,
      },
      { bench: "live: … same process", metric: "latency p50 / p99", value: `${ms(same.p50)} / ${ms(same.p99)}` },
      { bench: "live: … other process (LISTEN/NOTIFY)", metric: "latency p50 / p99", value: `${ms(cross.p50)} / ${ms(cross.p99)}` },
      {
        bench: "live: delivery",
        metric: "events received / expected",
        value: `${latencies.length} / ${expected}`,
        ok: latencies.length === expected && failed === 0,
        note: failed ? `${failed} webhook answers were not 200` : undefined,
      },
      {
        bench: "live: server memory",
        metric: "both processes, start → peak",
        value: `${mb(mem.start)} → ${mb(mem.peak)} (+${mb(mem.peak - mem.start)})`,
      },
      {
        bench: "live: machine load",
        metric: "load average (1 min) after",
        value: os.loadavg()[0]!.toFixed(1),
        note: "2 cores; other work on the machine inflates every figure",
      },
    ];
  } finally {
    for (const c of clients) c.abort.abort();
    for (const app of apps) await app.stop();
  }
}
