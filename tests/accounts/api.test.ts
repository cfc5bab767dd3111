/** setup-completed, token auth and Origin checks on /api/v1, account settings and deletion, the user CLI. */
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as setupCompleted } from "@/app/api/setup-completed/route";
import { DELETE as deleteAccountRoute, GET as getAccountRoute, PATCH as patchAccount } from "@/app/api/v1/account/route";
import { PUT as putSigningSecret } from "@/app/api/v1/account/signing-secret/route";
import { POST as regenerateToken } from "@/app/api/v1/account/webhook-token/route";
import { GET as listTokens, POST as createToken } from "@/app/api/v1/tokens/route";
import { DELETE as revokeToken } from "@/app/api/v1/tokens/[id]/route";
import { db } from "@/db/client";
import { memories, omiLinks, users } from "@/db/schema";
import { checkSameOrigin } from "@/lib/api/request-auth";
import { getSigningSecret, getWebhookToken } from "@/lib/auth/webhook-tokens";
import { runUserCommand } from "@/scripts/user/cli";
import { authenticatePassword } from "@/lib/auth/credentials";
import { createTestAccount } from "../isolation/accounts";
import { resetTables, useTestDb } from "../db";

useTestDb();
beforeEach(() => resetTables());

const call = (
  handler: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>,
  opts: {
    method?: string;
    path?: string;
    token?: string;
    body?: unknown;
    params?: Record<string, string>;
    headers?: Record<string, string>;
  },
) => {
  const headers = new Headers({ host: "hub.example", ...opts.headers });
  if (opts.token) headers.set("authorization", `Bearer ${opts.token}`);
  if (opts.body !== undefined) headers.set("content-type", "application/json");
  return handler(
    new Request(`http://hub.example${opts.path ?? "/api/v1/x"}`, {
      method: opts.method ?? "GET",
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    }),
    { params: Promise.resolve(opts.params ?? {}) },
  );
};

describe("GET /api/setup-completed", () => {
  const ask = (query: string) => setupCompleted(new Request(`http://hub.example/api/setup-completed${query}`));

  it("answers 200 JSON for any input", async () => {
    for (const q of [
      "",
      "?uid=",
      "?uid=%00%ff",
      `?uid=${"x".repeat(5000)}`,
      "?uid=a&uid=b",
      "?foo=bar",
      "?uid=%E2%9C%93",
      "?uid=' or 1=1 --",
    ]) {
      const res = await ask(q);
      expect(res.status, q).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/application\/json/);
      expect(await res.json()).toEqual({ is_setup_completed: false });
    }
  });

  it("turns true once the uid has a link, and uses the last uid a legacy sender appended", async () => {
    const account = await createTestAccount();
    expect(await (await ask(`?uid=${account.uid}`)).json()).toEqual({ is_setup_completed: true });
    expect(await (await ask(`?uid=&uid=${account.uid}`)).json()).toEqual({ is_setup_completed: true });
  });
});

describe("/api/v1 authentication", () => {
  it("accepts a personal API token, refuses a revoked or unknown one with 401 JSON, and records last use", async () => {
    const account = await createTestAccount();
    const ok = await call(getAccountRoute, { token: account.apiToken });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ email: account.email, timeZone: "UTC", signingSecretSet: false });

    const created = await call(createToken, {
      method: "POST",
      token: account.apiToken,
      body: { name: "script", scopes: ["read", "account"] },
    });
    expect(created.status).toBe(200);
    const { token, item } = (await created.json()) as { token: string; item: { id: string; prefix: string } };
    expect(token.startsWith(item.prefix)).toBe(true);
    expect((await call(getAccountRoute, { token })).status).toBe(200);
    const listed = (await (await call(listTokens, { token })).json()) as { items: { id: string; lastUsedAt: string | null }[] };
    expect(listed.items.find((t) => t.id === item.id)?.lastUsedAt).not.toBeNull();
    // Never shown again:
    expect(JSON.stringify(listed)).not.toContain(token);

    expect((await call(revokeToken, { method: "DELETE", token: account.apiToken, params: { id: item.id } })).status).toBe(200);
    const revoked = await call(getAccountRoute, { token });
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toMatchObject({ error: { code: "unauthorized" } });
    expect((await call(getAccountRoute, { token: "oht_nonsense" })).status).toBe(401);
    expect((await call(getAccountRoute, { headers: { authorization: "Basic abc" } })).status).toBe(401);
    expect((await call(getAccountRoute, {})).status).toBe(401);
  });

  it("refuses a token with an empty name with 422, and bad JSON with 400/415, never 500", async () => {
    const account = await createTestAccount();
    expect((await call(createToken, { method: "POST", token: account.apiToken, body: { name: "  " } })).status).toBe(422);
    const badJson = await createToken(
      new Request("http://hub.example/api/v1/tokens", {
        method: "POST",
        headers: { authorization: `Bearer ${account.apiToken}`, "content-type": "application/json" },
        body: "{",
      }),
    );
    expect(badJson.status).toBe(400);
    const noType = await createToken(
      new Request("http://hub.example/api/v1/tokens", {
        method: "POST",
        headers: { authorization: `Bearer ${account.apiToken}` },
        body: "{}",
      }),
    );
    expect(noType.status).toBe(415);
  });

  it("checks the Origin of cookie-authenticated writes", () => {
    const req = (method: string, headers: Record<string, string>) => new Request("http://hub.example/api/v1/links", { method, headers });
    expect(() => checkSameOrigin(req("GET", { host: "hub.example" }))).not.toThrow();
    expect(() => checkSameOrigin(req("POST", { host: "hub.example", origin: "http://hub.example" }))).not.toThrow();
    expect(() => checkSameOrigin(req("POST", { host: "hub.example", origin: "https://evil.example" }))).toThrow(/Cross-site/);
    expect(() => checkSameOrigin(req("DELETE", { host: "hub.example" }))).toThrow(/Cross-site/);
    expect(() => checkSameOrigin(req("PATCH", { host: "hub.example", origin: "null" }))).toThrow(/Cross-site/);
  });
});

describe("account settings", () => {
  it("validates and stores the time zone", async () => {
    const account = await createTestAccount();
    const bad = await call(patchAccount, { method: "PATCH", token: account.apiToken, body: { timeZone: "Mars/Olympus" } });
    expect(bad.status).toBe(422);
    const good = await call(patchAccount, { method: "PATCH", token: account.apiToken, body: { timeZone: "Europe/Berlin" } });
    expect(await good.json()).toMatchObject({ timeZone: "Europe/Berlin" });
  });

  it("validates the signing secret and stores it encrypted", async () => {
    const account = await createTestAccount();
    expect((await call(putSigningSecret, { method: "PUT", token: account.apiToken, body: { secret: "not-a-secret" } })).status).toBe(422);
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const res = await call(putSigningSecret, { method: "PUT", token: account.apiToken, body: { secret } });
    expect(await res.json()).toEqual({ signingSecretSet: true });
    expect(await getSigningSecret(account.userId)).toBe(secret);
    const [row] = await db.select({ enc: users.signingSecretEnc }).from(users).where(eq(users.id, account.userId));
    expect(row?.enc).not.toContain(secret);
    await call(putSigningSecret, { method: "PUT", token: account.apiToken, body: { secret: null } });
    expect(await getSigningSecret(account.userId)).toBeNull();
  });

  it("regenerates the webhook token", async () => {
    const account = await createTestAccount();
    const res = await call(regenerateToken, { method: "POST", token: account.apiToken });
    const body = (await res.json()) as { token: string; urls: Record<string, string> };
    expect(body.token).not.toBe(account.webhookToken);
    expect(body.urls.memory).toBe(`https://hub.example/api/webhooks/memory/${body.token}`);
    expect(await getWebhookToken(account.userId)).toBe(body.token);
  });

  it("deletes the account with everything it owns, including app-token rows of its linked uids, after the email is typed", async () => {
    const owner = await createTestAccount();
    const other = await createTestAccount();
    await db.insert(memories).values([
      { uid: owner.uid, ownerUserId: null, omiId: "app-row", raw: {} },
      { uid: owner.uid, ownerUserId: owner.userId, omiId: "own-row", raw: {} },
      { uid: other.uid, ownerUserId: null, omiId: "other-app-row", raw: {} },
    ]);
    const refused = await call(deleteAccountRoute, {
      method: "DELETE",
      token: owner.apiToken,
      body: { confirmEmail: "wrong@example.test" },
    });
    expect(refused.status).toBe(400);
    const res = await call(deleteAccountRoute, {
      method: "DELETE",
      token: owner.apiToken,
      body: { confirmEmail: owner.email.toUpperCase() },
    });
    expect(res.status).toBe(200);
    expect(await db.select().from(users).where(eq(users.id, owner.userId))).toEqual([]);
    expect(await db.select().from(omiLinks).where(eq(omiLinks.userId, owner.userId))).toEqual([]);
    expect((await db.select({ omiId: memories.omiId }).from(memories)).map((m) => m.omiId)).toEqual(["other-app-row"]);
    expect((await call(getAccountRoute, { token: owner.apiToken })).status).toBe(401);
  });
});

describe("npm run user -- reset-password", () => {
  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runUserCommand(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join("\n"), err: err.join("\n") };
  };

  it("sets a given password, or generates and prints one", async () => {
    const account = await createTestAccount();
    const given = await run(["reset-password", account.email, "--password", "brand-new-pass"]);
    expect(given.code).toBe(0);
    expect((await authenticatePassword({ email: account.email, password: "brand-new-pass", address: "192.0.2.1" })).ok).toBe(true);

    const generated = await run(["reset-password", account.email]);
    expect(generated.code).toBe(0);
    const password = /New password: (\S+)/.exec(generated.out)?.[1];
    expect(password).toBeTruthy();
    expect((await authenticatePassword({ email: account.email, password: password!, address: "192.0.2.1" })).ok).toBe(true);
  });

  it("fails clearly for unknown accounts, short passwords and bad usage", async () => {
    expect(await run(["reset-password", "nobody@example.test", "--password", "long-enough-1"])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/No account/),
    });
    const account = await createTestAccount();
    expect(await run(["reset-password", account.email, "--password", "short"])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/at least 8/),
    });
    expect((await run([])).code).toBe(2);
    expect((await run(["frobnicate"])).code).toBe(2);
    expect((await run(["reset-password"])).code).toBe(2);
    expect((await run(["reset-password", "not-an-email"])).code).toBe(2);
  });
});
