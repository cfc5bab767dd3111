/**
 * Only a proven owner makes a phone buzz. Each test is an attack: account B has no link
 * to A's uid and tries to make text reach A's phone (the fake Omi API records what
 * arrives), or to spend A's Omi limits. A's own notification right after must still go.
 */
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeOmi } from "@/scripts/fake-omi/server";
import { useTestDb } from "@/tests/db";
import { callJson, makeAccount, segment, webhook, type Account } from "./helpers";

const fake = await startFakeOmi({ appId: "test-app", apiKey: "test-secret" });
process.env.OMI_API_URL = fake.url;
process.env.OMI_APP_ID = "test-app";
process.env.OMI_APP_SECRET = "test-secret";
process.env.APP_URL = "https://hub.example.test";

useTestDb();
afterAll(() => fake.close());
beforeEach(async () => {
  await fetch(`${fake.url}/__fake/reset`);
});

const phishing = "Omi security notice: sign in again at https://evil.example/login";
const received = async (uid: string) =>
  ((await (await fetch(`${fake.url}/__fake/notifications`)).json()) as { uid: string; message: string }[]).filter((n) => n.uid === uid);

async function createRule(account: Account, body: unknown) {
  const { POST } = await import("@/app/api/v1/notification-rules/route");
  return callJson(POST, { method: "POST", path: "/api/v1/notification-rules", token: account.apiToken, body });
}

async function sendAs(account: Account, body: unknown) {
  const { POST } = await import("@/app/api/notifications/send/route");
  return callJson(POST, { method: "POST", path: "/api/notifications/send", token: account.apiToken, body });
}

/** Lets post-response work finish, then sends whatever is due, as the hourly pass would. */
async function drain() {
  const { settleBackground } = await import("@/lib/notify/background");
  const { processDue } = await import("@/lib/notify/sender");
  await settleBackground();
  await processDue({ retryDelaysMs: [1, 1, 1] });
  await settleBackground();
}

/** B posts to B's own personal webhook URL, naming A's uid. */
const asVictim = (attacker: Account, victim: Account): Account => ({ ...attacker, uid: victim.uid });

/** What the attacker's own notification log holds: nothing was even queued for A. */
async function logOf(account: Account) {
  const { listNotifications } = await import("@/lib/notify/queries");
  return (await listNotifications({ userId: account.userId, limit: 10 })).items;
}

async function expectVictimUntouched(victim: Account) {
  await drain();
  expect(await received(victim.uid)).toEqual([]);
  // A's own reminder right after: not held by anything B did.
  const own = await sendAs(victim, { user_id: victim.uid, type: "reminder", message: "Stand-up in 5" });
  expect(own.status).toBe(202);
  expect(own.json.status).toBe("sent");
  expect((await received(victim.uid)).map((n) => n.message)).toEqual(["Stand-up in 5"]);
}

describe("B cannot reach A's phone through A's uid in B's own data", () => {
  it("memory rule: nothing reaches A, and A's reminder right after goes out", async () => {
    const [a, b] = [await makeAccount(), await makeAccount()];
    expect((await createRule(b, { name: "Notice", trigger: { kind: "memory" }, scopes: ["memory"], template: phishing })).status).toBe(201);
    const { readFileSync } = await import("node:fs");
    const memory = JSON.parse(readFileSync("tests/fixtures/omi/memory-created.json", "utf8")) as Record<string, unknown>;
    const res = await webhook("memory", asVictim(b, a), memory);
    expect(res.status).toBe(200);
    await expectVictimUntouched(a);
    expect(await logOf(b)).toEqual([]);
  });

  it("live keyword rule answering in the realtime reply: the answer carries no message", async () => {
    const [a, b] = [await makeAccount(), await makeAccount()];
    expect(
      (
        await createRule(b, {
          name: "Reply",
          trigger: { kind: "keyword", keywords: ["hello"], via: "reply" },
          scopes: ["transcript"],
          template: phishing,
        })
      ).status,
    ).toBe(201);
    const res = await webhook("realtime", asVictim(b, a), { session_id: a.uid, segments: [segment("x1", "hello there")] });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({});
    await expectVictimUntouched(a);
    expect(await logOf(b)).toEqual([]);
  });

  it("live keyword rule through the API: nothing is queued or sent", async () => {
    const [a, b] = [await makeAccount(), await makeAccount()];
    expect(
      (
        await createRule(b, {
          name: "Api",
          trigger: { kind: "keyword", keywords: ["hello"], via: "api" },
          scopes: ["transcript"],
          template: phishing,
        })
      ).status,
    ).toBe(201);
    const res = await webhook("realtime", asVictim(b, a), { session_id: a.uid, segments: [segment("x2", "hello there")] });
    expect(res.json).toEqual({});
    await expectVictimUntouched(a);
    expect(await logOf(b)).toEqual([]);
  });

  it("the send endpoint refuses A's uid to B (404), and nothing reaches A", async () => {
    const [a, b] = [await makeAccount(), await makeAccount()];
    const res = await sendAs(b, { user_id: a.uid, type: "custom", message: phishing });
    expect(res.status).toBe(404);
    await expectVictimUntouched(a);
  });

  it("a row of B's queued for A's uid (before this rule existed) is failed at the claim, never sent", async () => {
    const [a, b] = [await makeAccount(), await makeAccount()];
    const { db } = await import("@/db/client");
    const { notifications } = await import("@/db/schema");
    const [row] = await db
      .insert(notifications)
      .values({ userId: b.userId, uid: a.uid, type: "custom", message: phishing, status: "queued" })
      .returning();
    const { deliverNotification } = await import("@/lib/notify/sender");
    const after = await deliverNotification(row!.id);
    expect(after).toMatchObject({ status: "failed", attempts: 0 });
    expect(after!.reason).toMatch(/no verified link/);
    await expectVictimUntouched(a);
  });

  it("rules still answer the account's own verified uid (the same deliveries, B's own uid)", async () => {
    const b = await makeAccount();
    await createRule(b, {
      name: "Reply",
      trigger: { kind: "keyword", keywords: ["hello"], via: "reply" },
      scopes: ["transcript"],
      template: "Hello back",
    });
    const res = await webhook("realtime", b, { session_id: b.uid, segments: [segment("x3", "hello there")] });
    expect(res.json).toEqual({ message: "Hello back" });
  });

  it("an unverified link to A's uid makes no difference", async () => {
    const a = await makeAccount();
    const b = await makeAccount();
    const { db } = await import("@/db/client");
    const { omiLinks } = await import("@/db/schema");
    await db.insert(omiLinks).values({ userId: b.userId, uid: a.uid, status: "unverified" });
    await createRule(b, {
      name: "Api",
      trigger: { kind: "keyword", keywords: ["hello"], via: "api" },
      scopes: ["transcript"],
      template: phishing,
    });
    await webhook("realtime", asVictim(b, a), { session_id: a.uid, segments: [segment("x4", "hello there")] });
    await expectVictimUntouched(a);
    expect(await logOf(b)).toEqual([]);
  });
});

describe("rules per account", () => {
  it("are capped: the 51st is refused with 409 and a message that says what to do", async () => {
    const a = await makeAccount();
    const { maxRulesPerAccount } = await import("@/lib/notify/queries");
    for (let i = 0; i < maxRulesPerAccount; i++) {
      const res = await createRule(a, { name: `Rule ${i}`, trigger: { kind: "day_summary" }, scopes: ["day_summary"], template: "x" });
      expect(res.status).toBe(201);
    }
    const over = await createRule(a, { name: "One too many", trigger: { kind: "day_summary" }, scopes: ["day_summary"], template: "x" });
    expect(over.status).toBe(409);
    expect(over.json.error.message).toMatch(/50 rules, the most an account can have/);
  });

  it("a pattern RE2 refuses is a 422 naming the field, on create, edit and test", async () => {
    const a = await makeAccount();
    const bad = { name: "Look", trigger: { kind: "regex", pattern: "call(?= mom)" }, scopes: ["transcript"], template: "x" };
    const created = await createRule(a, bad);
    expect(created.status).toBe(422);
    expect(created.json.error.message).toMatch(/trigger\.pattern: The pattern is refused: not valid RE2 syntax/);

    const ok = await createRule(a, { ...bad, trigger: { kind: "regex", pattern: "call (mom|dad)" } });
    expect(ok.status).toBe(201);
    const { PATCH } = await import("@/app/api/v1/notification-rules/[id]/route");
    const patched = await callJson(PATCH, {
      method: "PATCH",
      path: `/api/v1/notification-rules/${ok.json.id}`,
      token: a.apiToken,
      body: { trigger: { kind: "regex", pattern: "\\w{1000}" } },
      params: { id: ok.json.id },
    });
    expect(patched.status).toBe(422);
    expect(patched.json.error.message).toMatch(/too complex/);

    const { POST } = await import("@/app/api/v1/notification-rules/test/route");
    const tested = await callJson(POST, {
      method: "POST",
      path: "/api/v1/notification-rules/test",
      token: a.apiToken,
      body: { rule: bad, sampleText: "call mom" },
    });
    expect(tested.status).toBe(422);
    expect(tested.json.error.message).toMatch(/rule\.trigger\.pattern/);
  });
});
