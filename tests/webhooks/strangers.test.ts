/**
 * Issue 15, attack 4, written as the attack: strangers (no valid token, no signature)
 * used to fill the delivery log, one row each, and make the server read their whole
 * body (up to 25 MB) before the token was even checked. Now their body is never read,
 * they leave no row, only a count per client address and minute, and one address
 * sending too many gets 429.
 */
import { sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetTables, useTestDb } from "../db";
import { database, routeHandler, setWebhookEnv, UID } from "./harness";

setWebhookEnv({ TRUST_PROXY_HOPS: "1", WEBHOOK_MAX_BODY_BYTES: String(25 * 1024 * 1024) });
useTestDb();

let h: Awaited<ReturnType<typeof database>>;
beforeAll(async () => {
  h = await database();
});
beforeEach(() => resetTables());

/** Bytes on disk of the tables a stranger could grow. */
async function loggedBytes(): Promise<number> {
  const [row] = await h.rows<{ bytes: number }>(
    sql`select (pg_total_relation_size('deliveries') + pg_total_relation_size('webhook_refusals') + pg_total_relation_size('delivery_keys'))::float8 as bytes`,
  );
  return Number(row!.bytes);
}

async function attempt(path: string, body: BodyInit, headers: Record<string, string> = {}): Promise<Response> {
  const withToken = /^\/api\/webhooks\/memory\/[^/?]+/.test(path);
  const POST = await routeHandler("memory", withToken);
  const token = withToken ? path.split("/")[4]!.split("?")[0]! : undefined;
  const req = new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
  const params: Record<string, string> = token ? { token } : {};
  return POST(req, { params: Promise.resolve(params) });
}

describe("strangers", () => {
  it("300 unauthenticated 16 KB attempts: all 401, no delivery row, under 300 KB of database", async () => {
    const body = JSON.stringify({ id: "m", pad: "x".repeat(16 * 1024) });
    const before = await loggedBytes();
    const paths = [
      `/api/webhooks/memory?uid=${UID}`,
      `/api/webhooks/memory/ohw_guess?uid=${UID}`,
      `/api/webhooks/memory?token=nope&uid=${UID}`,
    ];
    for (let i = 0; i < 300; i++) {
      const res = await attempt(paths[i % 3]!, body, { "content-length": String(body.length) });
      expect(res.status).toBe(401);
    }
    const { flushRefusals } = await import("@/lib/webhooks/refusals");
    await flushRefusals();
    expect(await h.db.select().from(h.deliveries)).toHaveLength(0);
    const counted = await h.db.select().from(h.webhookRefusals);
    expect(counted.reduce((n, r) => n + r.count, 0)).toBe(300);
    expect(counted.length).toBeLessThanOrEqual(2); // one row per minute (the run may straddle one)
    expect(counted.reduce((n, r) => n + r.declaredBytes, 0)).toBe(300 * body.length);
    const grown = (await loggedBytes()) - before;
    console.log(`300 unauthenticated 16 KB attempts grew the logged tables by ${(grown / 1024).toFixed(0)} KB`);
    expect(grown).toBeLessThan(300 * 1024);
  });

  it("the body of an unauthenticated request is not read (a 25 MB body: at most one chunk pulled)", async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(120);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.length;
        if (pulled > 25 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const res = await attempt(`/api/webhooks/memory/ohw_not_a_token?uid=${UID}`, body);
    expect(res.status).toBe(401);
    expect(pulled).toBeLessThanOrEqual(2 * chunk.length);
  });

  it("one address past 120 a minute gets 429 with Retry-After; other addresses are not affected", { timeout: 90_000 }, async () => {
    // Counts are per minute: start well inside one.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 45_000) await new Promise((r) => setTimeout(r, 60_500 - intoMinute));
    const from = (address: string) => ({ "x-forwarded-for": address });
    const statuses: number[] = [];
    for (let i = 0; i < 125; i++)
      statuses.push((await attempt(`/api/webhooks/memory/ohw_nope?uid=${UID}`, "{}", from("203.0.113.7"))).status);
    expect(statuses.slice(0, 120).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(120)).toEqual([429, 429, 429, 429, 429]);
    const limited = await attempt(`/api/webhooks/memory/ohw_nope?uid=${UID}`, "{}", from("203.0.113.7"));
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await attempt(`/api/webhooks/memory/ohw_nope?uid=${UID}`, "{}", from("198.51.100.9"))).status).toBe(401);
    const { flushRefusals } = await import("@/lib/webhooks/refusals");
    await flushRefusals();
    const rows = await h.db.select().from(h.webhookRefusals);
    expect(rows.find((r) => r.address === "203.0.113.7")?.count).toBe(120);
    expect(rows.find((r) => r.address === "198.51.100.9")?.count).toBe(1);
  });
});
