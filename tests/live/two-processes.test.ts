/**
 * Issue 7: "a segment posted to one app process reaches an SSE client connected to
 * another process on the same database within a second". Two separate Node processes
 * (scripts/live/route-server.ts: the real route handlers, each process with its own
 * pool and LISTEN connection) on one real Postgres. Needs TEST_BASE_DATABASE_URL (CI
 * sets it; `DATABASE_URL=postgres://… npx vitest run tests/live` locally): PGlite
 * cannot be shared between processes, so without a server this file is skipped.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "@/tests/db";
import type { SseEvent } from "@/lib/live/sse-client";
// App modules are imported inside the tests: lib/env must parse DATABASE_URL after useTestDb() set it.

const hasServer = Boolean(process.env.TEST_BASE_DATABASE_URL);
if (!hasServer) console.warn("tests/live/two-processes.test.ts skipped: set DATABASE_URL (a real Postgres) to run it");

if (hasServer) useTestDb();

const ports = [4471, 4472] as const;
const children: ChildProcess[] = [];

async function startProcess(port: number): Promise<ChildProcess> {
  const child = spawn("npx", ["tsx", "--require", "./scripts/server-only.cjs", "scripts/live/route-server.ts", "--port", String(port)], {
    detached: true,
    stdio: ["ignore", "pipe", "inherit"],
    // A clean environment: the app process reads its configuration like any deployment.
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      DATABASE_URL: process.env.DATABASE_URL,
      DATA_DIR: process.env.DATA_DIR,
      AUTH_SECRET: process.env.AUTH_SECRET,
      DISABLE_SCHEDULER: "1",
      LOG_LEVEL: "error",
    },
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`process on ${port} did not start`)), 60_000);
    child.stdout!.on("data", (d: Buffer) => {
      if (d.toString().includes(`ready ${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => reject(new Error(`process on ${port} exited with ${code}`)));
  });
  return child;
}

describe.skipIf(!hasServer)("two app processes on one Postgres", () => {
  beforeAll(async () => {
    await Promise.all(ports.map(startProcess));
  }, 120_000);

  afterAll(async () => {
    for (const c of children) {
      try {
        process.kill(-c.pid!, "SIGTERM");
      } catch {}
    }
  });

  it("a segment posted to one process reaches a stream on the other within a second, both ways", async () => {
    const { createTestAccount } = await import("@/tests/isolation/accounts");
    const { readSse } = await import("@/lib/live/sse-client");
    const account = await createTestAccount();
    const streams = await Promise.all(
      ports.map(async (port) => {
        const abort = new AbortController();
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/live/stream`, {
          headers: { authorization: `Bearer ${account.apiToken}` },
          signal: abort.signal,
        });
        expect(res.status, res.status === 200 ? "" : await res.text()).toBe(200);
        const events = readSse(res.body!);
        expect((await events.next()).value?.event).toBe("ready");
        return { events, abort };
      }),
    );
    const nextSegment = async (events: AsyncGenerator<SseEvent>) => {
      for (;;) {
        const r = await events.next();
        if (r.done) throw new Error("stream ended");
        if (r.value.event === "segment") return r.value;
      }
    };

    for (const [from, to] of [
      [0, 1],
      [1, 0],
    ] as const) {
      const text = `posted to process ${from}, read on process ${to}`;
      const waiting = nextSegment(streams[to]!.events);
      const sent = performance.now();
      const res = await fetch(`http://127.0.0.1:${ports[from]}/api/webhooks/realtime/${account.webhookToken}?uid=${account.uid}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          session_id: account.uid,
          segments: [{ id: `two-${from}`, text, is_user: true, start: from, end: from + 1 }],
        }),
      });
      expect(res.status).toBe(200);
      const event = await Promise.race([
        waiting,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no event within a second")), 1000)),
      ]);
      const elapsed = performance.now() - sent;
      expect(JSON.parse(event.data)).toMatchObject({ text, uid: account.uid });
      expect(elapsed).toBeLessThan(1000);
      // The process that took the webhook also streams it to its own reader.
      expect(JSON.parse((await nextSegment(streams[from]!.events)).data)).toMatchObject({ text });
    }
    for (const s of streams) s.abort.abort();
  }, 60_000);
});
