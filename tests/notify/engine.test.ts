/**
 * Notifications against the local fake of Omi's API (scripts/fake-omi/server.ts):
 * rules through the real webhook routes, the limits, Omi's answers, retries and claims.
 */
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeOmi } from "@/scripts/fake-omi/server";
import { useTestDb } from "@/tests/db";
import { callJson, makeAccount, segment, webhook, type Account } from "./helpers";

const fake = await startFakeOmi({ appId: "test-app", apiKey: "test-secret" });
process.env.OMI_API_URL = fake.url;
process.env.OMI_APP_ID = "test-app";
process.env.OMI_APP_SECRET = "test-secret";
process.env.NOTIFY_API_KEY = "test-notify-key";
process.env.APP_URL = "https://hub.example.test";

useTestDb();
afterAll(() => fake.close());
beforeEach(async () => {
  await fetch(`${fake.url}/__fake/reset`);
});

const lib = async () => ({
  ...(await import("@/lib/notify/sender")),
  ...(await import("@/lib/notify/background")),
  ...(await import("@/lib/notify/queries")),
  ...(await import("@/db/client")),
  ...(await import("@/db/schema")),
  ...(await import("drizzle-orm")),
});
const received = async (uid: string) =>
  ((await (await fetch(`${fake.url}/__fake/notifications`)).json()) as { uid: string; message: string }[]).filter((n) => n.uid === uid);
const rulesRoute = () => import("@/app/api/v1/notification-rules/route").then((m) => m.POST);
const sendRoute = () => import("@/app/api/notifications/send/route").then((m) => m.POST);

async function createRule(account: Account, body: unknown) {
  const res = await callJson(await rulesRoute(), { method: "POST", path: "/api/v1/notification-rules", token: account.apiToken, body });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json as { id: string };
}

async function logOf(account: Account) {
  const { listNotifications } = await lib();
  return (await listNotifications({ userId: account.userId, limit: 100 })).items;
}

/** Lets post-response work finish, then sends whatever is due. */
async function drain(uid: string) {
  const { settleBackground, processDue } = await lib();
  await settleBackground();
  await processDue({ uid, retryDelaysMs: [1, 1, 1] });
  await settleBackground();
}

describe("live keyword rules", () => {
  it("fire once per cooldown through the API, even when the segment is re-sent longer", async () => {
    const a = await makeAccount();
    await createRule(a, {
      name: "Meeting watch",
      trigger: { kind: "keyword", keywords: ["budget"], cooldownMinutes: 10, via: "api" },
      scopes: ["transcript"],
      template: "You mentioned {{transcript.keyword}}: “{{transcript.text}}”",
    });
    const first = await webhook("realtime", a, { session_id: a.uid, segments: [segment("s1", "Let's talk about the budget")] });
    expect(first.status).toBe(200);
    expect(first.json).toEqual({});
    await drain(a.uid);
    // The same segment, longer; then a new segment with the keyword inside the cooldown.
    await webhook("realtime", a, { session_id: a.uid, segments: [segment("s1", "Let's talk about the budget for next quarter")] });
    await webhook("realtime", a, { session_id: a.uid, segments: [segment("s2", "The budget is tight", 3)] });
    await drain(a.uid);

    const got = await received(a.uid);
    expect(got.map((n) => n.message)).toEqual(["You mentioned budget: “Let's talk about the budget”"]);
    const log = await logOf(a);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      status: "sent",
      channel: "api",
      attempts: 1,
      omiStatus: 200,
      ruleName: "Meeting watch",
      type: "transcript",
    });
  });

  it("answer in the realtime reply by default, and not again for the re-sent segment", async () => {
    const a = await makeAccount();
    await createRule(a, {
      name: "Reply",
      trigger: { kind: "regex", pattern: "\\bcall (mom|dad)\\b" },
      scopes: ["transcript", "profile"],
      template: "{{profile.name}}, reminder: {{transcript.keyword}}",
    });
    const res = await webhook("realtime", a, { session_id: a.uid, segments: [segment("r1", "I should call mom tonight")] });
    expect(res.json).toEqual({ message: expect.stringMatching(/, reminder: call mom$/) });
    const again = await webhook("realtime", a, { session_id: a.uid, segments: [segment("r1", "I should call mom tonight after dinner")] });
    expect(again.json).toEqual({});
    await drain(a.uid);
    expect(await received(a.uid)).toHaveLength(0);
    expect(await logOf(a)).toMatchObject([{ status: "sent", channel: "realtime_reply" }]);
  });

  it("ask Omi to write the message with only the granted params", async () => {
    const a = await makeAccount();
    await createRule(a, {
      name: "Coach",
      trigger: { kind: "keyword", keywords: ["deadline"] },
      scopes: ["transcript"],
      mode: "omi_prompt",
      prompt: "Given {{user_context}}, suggest one next step.",
    });
    const res = await webhook("realtime", a, { session_id: a.uid, segments: [segment("p1", "The deadline is Friday")] });
    expect(res.json).toEqual({ notification: { prompt: "Given {{user_context}}, suggest one next step.", params: ["user_context"] } });
  });
});

describe("rule safety", () => {
  it("a broken stored rule is skipped and never costs the delivery its data", async () => {
    const a = await makeAccount();
    const { db, notificationRules, transcriptSegments, eq } = await lib();
    await db.insert(notificationRules).values({
      userId: a.userId,
      name: "Broken",
      trigger: { kind: "keyword", keywords: "not a list" },
      scopes: ["transcript"],
      template: "x",
    });
    await createRule(a, {
      name: "Tone",
      trigger: { kind: "tone", threshold: -1, window: 2, via: "api" },
      scopes: ["transcript"],
      template: "Tone {{transcript.tone}}",
    });
    const res = await webhook("realtime", a, {
      session_id: a.uid,
      segments: [segment("t1", "This is awful, I hate it"), segment("t2", "Terrible, just terrible", 3)],
    });
    expect(res.status).toBe(200);
    expect(await db.select().from(transcriptSegments).where(eq(transcriptSegments.uid, a.uid))).toHaveLength(2);
    await drain(a.uid);
    expect((await received(a.uid)).map((n) => n.message)).toEqual([expect.stringMatching(/^Tone -\d/)]);
  });
});

describe("memory rules", () => {
  it("a memory with action items produces the templated message", async () => {
    const a = await makeAccount();
    await createRule(a, {
      name: "Action items",
      trigger: { kind: "memory", requireActionItems: true },
      scopes: ["memory"],
      template: "{{memory.emoji}} {{memory.title}}: {{memory.action_item_count}} to do: {{memory.action_items}}",
    });
    const { readFileSync } = await import("node:fs");
    const memory = JSON.parse(readFileSync("tests/fixtures/omi/memory-created.json", "utf8")) as {
      id: string;
      structured: { emoji: string; title: string; action_items: { description: string }[] };
    };
    const withoutItems = { ...memory, id: "no-items", structured: { ...memory.structured, action_items: [] } };
    expect((await webhook("memory", a, memory)).status).toBe(200);
    expect((await webhook("memory", a, withoutItems)).status).toBe(200);
    // Omi re-sends the same memory: no second notification.
    expect((await webhook("memory", a, memory)).status).toBe(200);
    await drain(a.uid);
    const items = memory.structured.action_items.map((i) => i.description).join("; ");
    expect((await received(a.uid)).map((n) => n.message)).toEqual([
      `${memory.structured.emoji} ${memory.structured.title}: 2 to do: ${items}`,
    ]);
  });
});

describe("rule scopes", () => {
  it("refuses a template that reads an undeclared scope, naming the placeholder", async () => {
    const a = await makeAccount();
    const res = await callJson(await rulesRoute(), {
      method: "POST",
      path: "/api/v1/notification-rules",
      token: a.apiToken,
      body: {
        name: "Leaky",
        trigger: { kind: "keyword", keywords: ["x"] },
        scopes: ["transcript"],
        template: "{{transcript.text}} / {{memory.title}}",
      },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.message).toContain("template");
    expect(res.json.error.message).toContain("{{memory.title}}");
    const prompt = await callJson(await rulesRoute(), {
      method: "POST",
      path: "/api/v1/notification-rules",
      token: a.apiToken,
      body: {
        name: "Leaky prompt",
        trigger: { kind: "keyword", keywords: ["x"] },
        scopes: ["transcript"],
        mode: "omi_prompt",
        prompt: "Hi {{user_name}}",
      },
    });
    expect(prompt.status).toBe(422);
    expect(prompt.json.error.message).toContain("{{user_name}}");
  });

  it("renders only declared scopes' data", async () => {
    const { resolveScopeData, renderTemplate, sampleSources } = await import("@/lib/notify/scopes");
    const data = resolveScopeData(["transcript"], sampleSources);
    expect(Object.keys(data).every((k) => k.startsWith("transcript."))).toBe(true);
    expect(renderTemplate("{{transcript.keyword}}|{{memory.title}}", data)).toBe("meeting|");
  });
});

describe("delivery", () => {
  const send = async (token: string, body: unknown) =>
    callJson(await sendRoute(), { method: "POST", path: "/api/notifications/send", token, body });

  it("sends with NOTIFY_API_KEY, appends the deep link, and names bad fields", async () => {
    const res = await send("test-notify-key", {
      user_id: "server-uid",
      type: "custom",
      message: "Hello",
      data: { deep_link: "/memories/abc123" },
    });
    expect(res.status).toBe(202);
    expect(res.json).toEqual({ id: expect.any(String), status: "sent" });
    expect((await received("server-uid")).map((n) => n.message)).toEqual(["Hello\nhttps://hub.example.test/memories/abc123"]);

    const bad = await send("test-notify-key", { user_id: "server-uid", type: "shout", message: "" });
    expect(bad.status).toBe(422);
    expect(bad.json.error.message).toMatch(/type/);
    const long = await send("test-notify-key", { user_id: "server-uid", type: "custom", message: "x".repeat(501) });
    expect(long.json.error.message).toMatch(/message/);
    const offsite = await send("test-notify-key", { user_id: "u", type: "custom", message: "hi", data: { deep_link: "//evil.example/x" } });
    expect(offsite.json.error.message).toMatch(/data\.deep_link/);
    expect((await send("wrong-key", { user_id: "u", type: "custom", message: "hi" })).status).toBe(401);
  });

  it("lets a personal token notify only its verified uids", async () => {
    const a = await makeAccount();
    const b = await makeAccount({ verified: false });
    expect((await send(a.apiToken, { user_id: a.uid, type: "reminder", message: "Mine" })).json.status).toBe("sent");
    const other = await send(a.apiToken, { user_id: b.uid, type: "reminder", message: "Not mine" });
    expect(other.status).toBe(404);
    expect(other.json.error.message).toMatch(/user_id/);
    expect((await send(b.apiToken, { user_id: b.uid, type: "reminder", message: "Unverified" })).status).toBe(403);
    expect(await received(b.uid)).toHaveLength(0);
  });

  it("holds a second notification within 30 s, and the same text within 10 minutes", async () => {
    const a = await makeAccount();
    expect((await send(a.apiToken, { user_id: a.uid, type: "custom", message: "One" })).json.status).toBe("sent");
    const second = await send(a.apiToken, { user_id: a.uid, type: "custom", message: "Two" });
    expect(second.json.status).toBe("held");
    const { db, notifications, eq } = await lib();
    const [row] = await db.select().from(notifications).where(eq(notifications.id, second.json.id));
    expect(row!.reason).toMatch(/30 s/);
    expect(row!.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    // Pretend the 30 s have passed (move the first send back) and send "One" again.
    await db
      .update(notifications)
      .set({ sentAt: new Date(Date.now() - 60_000) })
      .where(eq(notifications.uid, a.uid));
    const same = await send(a.apiToken, { user_id: a.uid, type: "custom", message: "One" });
    expect(same.json.status).toBe("held");
    const [dup] = await db.select().from(notifications).where(eq(notifications.id, same.json.id));
    expect(dup!.reason).toMatch(/same text/);
    expect(dup!.nextAttemptAt).toBeNull();
    expect(await received(a.uid)).toHaveLength(1);
  });

  it("holds during quiet hours, in the account's time zone", async () => {
    const a = await makeAccount();
    const { db, users, eq } = await lib();
    await db
      .update(users)
      .set({ quietHoursStart: "00:00", quietHoursEnd: "23:59", timeZone: "Pacific/Auckland" })
      .where(eq(users.id, a.userId));
    const res = await send(a.apiToken, { user_id: a.uid, type: "custom", message: "Shh" });
    expect(res.json.status).toBe("held");
    expect((await logOf(a))[0]!.reason).toMatch(/Quiet hours.*Pacific\/Auckland/);
  });

  it("fails 401/403 for good, explained in words", async () => {
    const a = await makeAccount();
    await fetch(`${fake.url}/__fake/force?status=401&times=1`);
    const res = await send(a.apiToken, { user_id: a.uid, type: "custom", message: "Denied" });
    expect(res.json.status).toBe("failed");
    const [row] = await logOf(a);
    expect(row).toMatchObject({ status: "failed", attempts: 1, omiStatus: 401 });
    expect(row!.reason).toMatch(/API key/);

    const b = await makeAccount();
    await fetch(`${fake.url}/__fake/disable?uid=${b.uid}`);
    await send(b.apiToken, { user_id: b.uid, type: "custom", message: "Off" });
    const [off] = await logOf(b);
    expect(off).toMatchObject({ status: "failed", omiStatus: 403, omiResponse: "App is not enabled for this user" });
    expect(off!.reason).toBe("The app is not enabled for this user yet");
  });

  it("on Omi's 429 holds until Retry-After and stops calling Omi until then", async () => {
    const a = await makeAccount();
    // Another sender used up this hour's budget at Omi (9 succeed, the 10th is refused).
    for (let i = 0; i < 9; i++) {
      await fetch(`${fake.url}/v2/integrations/test-app/notification?uid=${a.uid}&message=other${i}`, {
        method: "POST",
        headers: { authorization: "Bearer test-secret" },
      });
    }
    const res = await send(a.apiToken, { user_id: a.uid, type: "custom", message: "Eleventh" });
    expect(res.json.status).toBe("held");
    const { db, notifications, eq } = await lib();
    const [row] = await db.select().from(notifications).where(eq(notifications.id, res.json.id));
    expect(row).toMatchObject({ status: "held", omiStatus: 429, attempts: 1 });
    expect(row!.omiResponse).toMatch(/Rate limit exceeded/);
    const secondsToHour = 3600 - (Math.floor(Date.now() / 1000) % 3600);
    expect(Math.abs((row!.nextAttemptAt!.getTime() - Date.now()) / 1000 - secondsToHour)).toBeLessThan(5);
    expect(row!.rateLimitedUntil).toEqual(row!.nextAttemptAt);
    // Later sends wait for Omi's reset without another call.
    await db
      .update(notifications)
      .set({ sentAt: new Date(Date.now() - 60_000) })
      .where(eq(notifications.uid, a.uid));
    const later = await send(a.apiToken, { user_id: a.uid, type: "custom", message: "Twelfth" });
    const [held] = await db.select().from(notifications).where(eq(notifications.id, later.json.id));
    expect(held).toMatchObject({ status: "held", attempts: 0 });
    expect(held!.reason).toMatch(/hourly limit/);
  });

  it("holds the 10th notification of a UTC hour itself (9 per hour)", async () => {
    const a = await makeAccount();
    const { db, notifications } = await lib();
    const hourStart = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    const sentAt = (i: number) => new Date(Math.max(hourStart, Date.now() - 3_000_000) + i * 1000);
    await db.insert(notifications).values(
      Array.from({ length: 9 }, (_, i) => ({
        userId: a.userId,
        uid: a.uid,
        type: "custom" as const,
        message: `m${i}`,
        status: "sent" as const,
        sentAt: sentAt(i),
      })),
    );
    const res = await send(a.apiToken, { user_id: a.uid, type: "custom", message: "Tenth" });
    expect(res.json.status).toBe("held");
    expect((await logOf(a)).find((n) => n.id === res.json.id)!.reason).toMatch(/9 notifications this UTC hour/);
  });

  it("retries 5xx at most 3 times, then fails; succeeds when Omi recovers", async () => {
    const { db, notifications, deliverNotification } = await lib();
    const a = await makeAccount();
    await fetch(`${fake.url}/__fake/force?status=503&times=10`);
    const [row] = await db
      .insert(notifications)
      .values({ userId: a.userId, uid: a.uid, type: "custom", message: "Down", status: "queued" })
      .returning();
    const failed = await deliverNotification(row!.id, { retryDelaysMs: [1, 1, 1] });
    expect(failed).toMatchObject({ status: "failed", attempts: 4, omiStatus: 503 });
    expect(failed!.reason).toMatch(/gave up after 4 attempts/);

    await fetch(`${fake.url}/__fake/reset`);
    const b = await makeAccount();
    await fetch(`${fake.url}/__fake/force?status=500&times=2`);
    const [row2] = await db
      .insert(notifications)
      .values({ userId: b.userId, uid: b.uid, type: "custom", message: "Flaky", status: "queued" })
      .returning();
    expect(await deliverNotification(row2!.id, { retryDelaysMs: [1, 1, 1] })).toMatchObject({ status: "sent", attempts: 3 });
    expect(await received(b.uid)).toHaveLength(1);
  });

  it("never sends one notification twice, however many processes claim it", async () => {
    const { db, notifications, deliverNotification, processDue } = await lib();
    const a = await makeAccount();
    const [row] = await db
      .insert(notifications)
      .values({ userId: a.userId, uid: a.uid, type: "custom", message: "Once", status: "queued" })
      .returning();
    await Promise.all([...Array.from({ length: 5 }, () => deliverNotification(row!.id)), processDue({ uid: a.uid }), processDue()]);
    expect(await received(a.uid)).toHaveLength(1);
    await deliverNotification(row!.id);
    expect(await received(a.uid)).toHaveLength(1);
  });
});
