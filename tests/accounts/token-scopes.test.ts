/**
 * Personal API token scopes and expiry, enforced by the one route wrapper, and the
 * server-to-server secrets (NOTIFY_API_KEY, CRON_SECRET) compared without revealing
 * their length.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetTables, useTestDb } from "@/tests/db";
import { callJson } from "@/tests/notify/helpers";

process.env.NOTIFY_API_KEY = "notify-key-for-scope-tests";
process.env.CRON_SECRET = "cron-secret-for-scope-tests";

useTestDb();
beforeEach(() => resetTables());

const routes = async () => ({
  memories: (await import("@/app/api/v1/memories/route")).GET,
  tick: (await import("@/app/api/v1/action-items/[id]/route")).PATCH,
  tokens: await import("@/app/api/v1/tokens/route"),
  send: (await import("@/app/api/notifications/send/route")).POST,
  cron: (await import("@/app/api/cron/maintenance/route")).GET,
});

async function accountWith(scopes: ("read" | "write" | "notify" | "account")[], expiresAt?: Date) {
  const { createTestAccount } = await import("@/tests/isolation/accounts");
  const { createApiToken } = await import("@/lib/accounts/api-tokens");
  const account = await createTestAccount();
  const { token } = await createApiToken({ userId: account.userId, name: "scoped", scopes, expiresAt });
  return { ...account, token };
}

describe("secretMatches", () => {
  it("is true only for the same secret, whatever the lengths", async () => {
    const { secretMatches } = await import("@/lib/auth/secrets");
    expect(secretMatches("s3cret-value", "s3cret-value")).toBe(true);
    for (const given of ["s3cret-valu", "s3cret-value!", "S3cret-value", "", "x".repeat(10_000)]) {
      expect(secretMatches(given, "s3cret-value"), given.slice(0, 20)).toBe(false);
    }
    expect(secretMatches(null, "s3cret-value")).toBe(false);
    expect(secretMatches("anything", undefined)).toBe(false);
    expect(secretMatches("", "")).toBe(false);
  });
});

describe("the data scope route() gives handlers", () => {
  it("is looked up once, on first use", async () => {
    const { lazyScope } = await import("@/lib/auth/scope");
    const a = await accountWith(["read"]);
    const scope = lazyScope(a.userId);
    const first = scope();
    expect(scope()).toBe(first);
    expect(await first).toEqual({ userId: a.userId, uids: [a.uid] });
  });
});

describe("token scopes", () => {
  it("a token reads with the read scope and is refused with 403 naming the scope it lacks", async () => {
    const r = await routes();
    const a = await accountWith(["read"]);
    expect((await callJson(r.memories, { path: "/api/v1/memories", token: a.token })).status).toBe(200);

    const tick = await callJson(r.tick, {
      method: "PATCH",
      path: "/api/v1/action-items/x",
      token: a.token,
      body: { completed: true },
      params: { id: "x" },
    });
    expect(tick.status).toBe(403);
    expect(tick.json.error).toMatchObject({ code: "forbidden", details: { missingScope: "write" } });
    expect(tick.json.error.message).toMatch(/"write" scope/);

    const list = await callJson(r.tokens.GET, { path: "/api/v1/tokens", token: a.token });
    expect(list.status).toBe(403);
    expect(list.json.error.message).toMatch(/"account" scope/);

    const send = await callJson(r.send, {
      method: "POST",
      path: "/api/notifications/send",
      token: a.token,
      body: { user_id: a.uid, type: "custom", message: "hi" },
    });
    expect(send.status).toBe(403);
    expect(send.json.error.message).toMatch(/"notify" scope/);
  });

  it("with the write scope the same tick reaches the route (404: no such item)", async () => {
    const r = await routes();
    const a = await accountWith(["write"]);
    const tick = await callJson(r.tick, {
      method: "PATCH",
      path: "/api/v1/action-items/x",
      token: a.token,
      body: { completed: true },
      params: { id: "x" },
    });
    expect(tick.status).toBe(404);
    // Writing does not imply reading.
    expect((await callJson(r.memories, { path: "/api/v1/memories", token: a.token })).status).toBe(403);
  });

  it("creates read-only tokens by default, and a token cannot make one that may do more than itself", async () => {
    const r = await routes();
    const a = await accountWith(["read", "account"]);
    const plain = await callJson(r.tokens.POST, { method: "POST", path: "/api/v1/tokens", token: a.token, body: { name: "default" } });
    expect(plain.status).toBe(200);
    expect(plain.json.item).toMatchObject({ scopes: ["read"], expiresAt: null });

    const stronger = await callJson(r.tokens.POST, {
      method: "POST",
      path: "/api/v1/tokens",
      token: a.token,
      body: { name: "more", scopes: ["read", "write"] },
    });
    expect(stronger.status).toBe(403);
    expect(stronger.json.error.message).toMatch(/"write" scope/);

    const dated = await callJson(r.tokens.POST, {
      method: "POST",
      path: "/api/v1/tokens",
      token: a.token,
      body: { name: "assistant", scopes: ["account", "read", "read"], expiresInDays: 30 },
    });
    expect(dated.status).toBe(200);
    expect(dated.json.item.scopes).toEqual(["read", "account"]);
    const days = (Date.parse(dated.json.item.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);

    for (const body of [
      { name: "x", scopes: [] },
      { name: "x", scopes: ["admin"] },
      { name: "x", expiresInDays: 0 },
      { name: "x", expiresInDays: 1.5 },
    ]) {
      expect(
        (await callJson(r.tokens.POST, { method: "POST", path: "/api/v1/tokens", token: a.token, body })).status,
        JSON.stringify(body),
      ).toBe(422);
    }
  });

  it("an expired token is a 401 that says it expired", async () => {
    const r = await routes();
    const a = await accountWith(["read"], new Date(Date.now() - 1000));
    const res = await callJson(r.memories, { path: "/api/v1/memories", token: a.token });
    expect(res.status).toBe(401);
    expect(res.json.error).toMatchObject({ code: "unauthorized" });
    expect(res.json.error.message).toMatch(/expired/);
    const fresh = await accountWith(["read"], new Date(Date.now() + 60_000));
    expect((await callJson(r.memories, { path: "/api/v1/memories", token: fresh.token })).status).toBe(200);
  });
});

describe("server-to-server secrets", () => {
  afterEach(async () => {
    const { settleBackground } = await import("@/lib/notify/background");
    await settleBackground();
  });

  it("CRON_SECRET: only the exact secret runs the job; shorter, longer and same-length guesses are 401", async () => {
    const r = await routes();
    const secret = process.env.CRON_SECRET!;
    for (const guess of [secret.slice(0, -1), `${secret}x`, secret.replace(/.$/, "X"), "a", "x".repeat(4096)]) {
      const res = await r.cron(new Request("http://localhost/api/cron/maintenance", { headers: { authorization: `Bearer ${guess}` } }));
      expect(res.status).toBe(401);
    }
    const ok = await r.cron(new Request("http://localhost/api/cron/maintenance", { headers: { authorization: `Bearer ${secret}` } }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true });
  });

  it("NOTIFY_API_KEY: the exact key may notify any uid; a near miss is not a token either (401)", async () => {
    const r = await routes();
    const key = process.env.NOTIFY_API_KEY!;
    const body = { user_id: "any-uid", type: "custom", message: "hello" };
    for (const guess of [key.slice(0, -1), `${key}x`, key.replace(/.$/, "X")]) {
      expect((await callJson(r.send, { method: "POST", path: "/api/notifications/send", token: guess, body })).status).toBe(401);
    }
    const ok = await callJson(r.send, { method: "POST", path: "/api/notifications/send", token: key, body });
    expect(ok.status).toBe(202);
    expect(ok.json).toMatchObject({ id: expect.any(String) });
  });
});
