/**
 * Pooled mode (docs/ARCHITECTURE.md "Pooled mode"), the way the app is deployed: a real
 * PgBouncer in transaction mode in front of Postgres, DATABASE_URL through it and
 * DATABASE_URL_UNPOOLED direct, two production servers on one database. Under load:
 *  - `db/migrate.ts` migrates with that env (through the direct URL);
 *  - 20 senders for 20 s on the realtime webhook and 60 concurrent memory webhooks:
 *    every delivery answered 200 is stored (counted through the read API);
 *  - each of those segments reaches an SSE reader on the OTHER server within 3 s;
 *  - the servers log no pooler failure ("prepared statement … does not exist",
 *    "current transaction is aborted") and no LISTEN fallback.
 * Once as self-hosters run it, once with VERCEL=1 (pooled mode switched on by the platform).
 */
import { spawnSync } from "node:child_process";
import { memoryBody } from "../scripts/simulator/payloads";
import { pgbouncerBinary, startPgBouncer } from "../scripts/pgbouncer";
import { freshDatabase, postgresBaseUrl, startFaultApp, type FaultApp } from "./faults/app";
import { expect, password, test, uniqueEmail } from "./fixtures";

const basePort = Number(process.env.E2E_PORT ?? 3100) + 60;
const REALTIME_SENDERS = 20;
const REALTIME_SECONDS = 20;
const MEMORIES = 60;
const poolerFailures = /prepared statement|current transaction is aborted|Live updates:/i;

type Answered = { text: string; at: number };

for (const vercel of [false, true]) {
  test(`through a transaction pooler a 200 means stored, and live events cross processes${vercel ? " (VERCEL=1)" : ""}`, async ({
    page,
  }) => {
    const base = postgresBaseUrl();
    test.skip(!base, "needs a Postgres server (DATABASE_URL or TEST_BASE_DATABASE_URL; CI sets it)");
    test.skip(!pgbouncerBinary() && !process.env.CI, "needs PgBouncer (apt-get install pgbouncer; CI installs it)");
    test.setTimeout(240_000);

    const bouncer = await startPgBouncer({ upstream: base! });
    const db = await freshDatabase("postgres", `pooled_${vercel ? "v" : "s"}_${basePort}`, { migrated: false });
    const direct = db.url!;
    const dbEnv = { ...db.env, DATABASE_URL: bouncer.pooledUrlFor(direct), DATABASE_URL_UNPOOLED: direct };
    const output: string[] = [];
    const apps: FaultApp[] = [];
    try {
      const migrated = spawnSync("npx", ["tsx", "--require", "./scripts/server-only.cjs", "db/migrate.ts"], {
        encoding: "utf8",
        env: { ...process.env, ...dbEnv, ...(vercel ? { VERCEL: "1", AUTH_SECRET: "pooled-migrate-secret" } : {}) },
      });
      expect(migrated.status, migrated.stderr).toBe(0);
      expect(migrated.stdout).toMatch(/applied \d+ migration/);

      const env: Record<string, string> = vercel ? { VERCEL: "1" } : {};
      const [a, b] = await Promise.all([
        startFaultApp({ port: basePort + (vercel ? 2 : 0), dbEnv, env, output }),
        startFaultApp({ port: basePort + (vercel ? 3 : 1), dbEnv, env, output }),
      ]);
      apps.push(a!, b!);

      // An account on server A; its session cookie (127.0.0.1, the same AUTH_SECRET) is valid on B too.
      await page.goto(`${a!.url}/sign-up`);
      await page.getByLabel("Email").fill(uniqueEmail("pooled"));
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Create account" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-up"));
      const { token } = (await (await page.request.get(`${a!.url}/api/v1/account/webhooks`)).json()) as { token: string };
      const uid = `pooled${Date.now().toString(36)}`;

      // The SSE reader lives on server B.
      await page.goto(`${b!.url}/api/health`);
      await page.evaluate(() => {
        const w = window as unknown as { seen: Record<string, number>; ready: boolean };
        w.seen = {};
        const source = new EventSource("/api/v1/live/stream");
        source.addEventListener("ready", () => (w.ready = true));
        source.addEventListener("segment", (e) => {
          const text = (JSON.parse((e as MessageEvent<string>).data) as { text: string }).text;
          w.seen[text] ??= Date.now();
        });
      });
      await expect.poll(() => page.evaluate(() => (window as unknown as { ready?: boolean }).ready === true)).toBe(true);

      const realtime: Answered[] = [];
      const memories: string[] = [];
      let other = 0;
      const end = Date.now() + REALTIME_SECONDS * 1000;
      const sender = async (s: number) => {
        for (let i = 0; Date.now() < end; i++) {
          const text = `pooled line ${s}-${i}`;
          const res = await fetch(`${a!.url}/api/webhooks/realtime/${token}?uid=${uid}`, {
            method: "POST",
            headers: { "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
            body: JSON.stringify({
              session_id: uid,
              segments: [{ id: `seg-${s}-${i}`, text, is_user: s % 2 === 0, start: i, end: i + 1 }],
            }),
          });
          await res.arrayBuffer();
          if (res.status === 200) realtime.push({ text, at: Date.now() });
          else other++;
        }
      };
      const memory = async (i: number) => {
        const body = memoryBody({ index: i });
        const title = `Pooled memory ${i} ${uid}`;
        (body.structured as { title: string }).title = title;
        // Half to each server.
        const res = await fetch(`${(i % 2 ? a : b)!.url}/api/webhooks/memory/${token}?uid=${uid}`, {
          method: "POST",
          headers: { "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
          body: JSON.stringify({ ...body, id: `pooled-${uid}-${i}` }),
        });
        await res.arrayBuffer();
        if (res.status === 200) memories.push(title);
        else other++;
      };
      await Promise.all([
        ...Array.from({ length: REALTIME_SENDERS }, (_, s) => sender(s)),
        ...Array.from({ length: MEMORIES }, (_, i) => memory(i)),
      ]);
      console.log(
        `pooled${vercel ? " (VERCEL=1)" : ""}: ${realtime.length} realtime and ${memories.length} memory deliveries answered 200, ${other} other answers`,
      );
      expect(realtime.length).toBeGreaterThan(REALTIME_SENDERS * REALTIME_SECONDS);
      expect(memories).toHaveLength(MEMORIES);

      // Every segment answered 200 is stored: read back through the read API.
      const stored = new Set<string>();
      let after = "";
      for (;;) {
        const page1 = (await (
          await page.request.get(`${a!.url}/api/v1/live/segments?limit=1000${after ? `&after=${encodeURIComponent(after)}` : ""}`)
        ).json()) as {
          items: { text: string }[];
          nextCursor: string;
          hasMore: boolean;
        };
        for (const item of page1.items) stored.add(item.text);
        after = page1.nextCursor;
        if (!page1.hasMore) break;
      }
      expect(
        realtime.filter((r) => !stored.has(r.text)).map((r) => r.text),
        "segments answered 200 but not stored",
      ).toEqual([]);
      const titles = new Set<string>();
      let cursor: string | null = null;
      do {
        const list = (await (
          await page.request.get(`${b!.url}/api/v1/memories?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`)
        ).json()) as {
          items: { title: string }[];
          nextCursor: string | null;
        };
        for (const m of list.items) titles.add(m.title);
        cursor = list.nextCursor;
      } while (cursor);
      expect(
        memories.filter((t) => !titles.has(t)),
        "memories answered 200 but not stored",
      ).toEqual([]);

      // …and reached the reader on the other server within 3 s of its answer.
      await expect
        .poll(
          () =>
            page.evaluate(
              (texts) => texts.filter((t) => !(t in (window as unknown as { seen: Record<string, number> }).seen)).length,
              realtime.map((r) => r.text),
            ),
          {
            timeout: 15_000,
          },
        )
        .toBe(0);
      const seen = await page.evaluate(() => (window as unknown as { seen: Record<string, number> }).seen);
      const lateness = realtime.map((r) => seen[r.text]! - r.at).sort((x, y) => x - y);
      console.log(
        `pooled: SSE on the other server, lateness p50 ${lateness[Math.floor(lateness.length / 2)]} ms, max ${lateness[lateness.length - 1]} ms`,
      );
      expect(lateness[lateness.length - 1]!, "every segment reached the other server's SSE reader within 3 s").toBeLessThan(3_000);

      expect(
        output.filter((line) => poolerFailures.test(line)),
        "pooler failures or a LISTEN fallback in the servers' logs",
      ).toEqual([]);
    } catch (err) {
      // What the servers said is the first thing to read when this fails.
      console.log(
        `servers' warnings and errors:\n${
          output
            .filter((line) => /warn|error/i.test(line))
            .slice(-40)
            .join("\n") || "(none)"
        }`,
      );
      throw err;
    } finally {
      await Promise.all(apps.map((app) => app.stop()));
      await db.drop();
      await bouncer.stop();
    }
  });
}
