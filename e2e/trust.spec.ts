/**
 * Attacks on the production build, each once a working attack (issue 15), now a test:
 * the victim's phone is the fake Omi API (what reached it is recorded), and the server
 * must stay responsive throughout.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { accountWithWebhookToken, expect, password, pushedTo, signIn, signUp, test, uniqueEmail, verifyUid } from "./fixtures";

const phishing = "Omi security notice: sign in again at https://evil.example/login";

async function post(page: Page, path: string, data: unknown) {
  return page.request.post(path, { data, headers: { origin: new URL(page.url()).origin } });
}

async function newPage(browser: Browser, baseURL: string, headers: Record<string, string> = {}) {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: headers });
  return context.newPage();
}

test("B cannot make text reach A's phone through A's uid, by rule, reply or the send endpoint", async ({ browser, baseURL }) => {
  const victimPage = await newPage(browser, baseURL!);
  const victim = await accountWithWebhookToken(victimPage, "victim");
  await verifyUid(victimPage, victim.uid);

  const attackerPage = await newPage(browser, baseURL!);
  const attacker = await accountWithWebhookToken(attackerPage, "attacker");
  const rules = [
    { name: "Memory notice", trigger: { kind: "memory" }, scopes: ["memory"], template: phishing },
    { name: "Reply notice", trigger: { kind: "keyword", keywords: ["hello"], via: "reply" }, scopes: ["transcript"], template: phishing },
    { name: "Api notice", trigger: { kind: "keyword", keywords: ["hello"], via: "api" }, scopes: ["transcript"], template: phishing },
  ];
  for (const rule of rules) expect((await post(attackerPage, "/api/v1/notification-rules", rule)).status()).toBe(201);

  // The attacker's own personal webhook URLs, naming the victim's uid.
  const memory = JSON.parse(readFileSync("tests/fixtures/omi/memory-created.json", "utf8")) as Record<string, unknown>;
  const sent = await attackerPage.request.post(`${attacker.urls.memory}?uid=${victim.uid}`, {
    data: memory,
    headers: { "idempotency-key": randomUUID() },
  });
  expect(sent.status()).toBe(200);
  const live = await attackerPage.request.post(`${attacker.urls.realtime}?uid=${victim.uid}`, {
    data: {
      session_id: victim.uid,
      segments: [{ id: randomUUID(), text: "hello there", speaker: "SPEAKER_0", speaker_id: 0, is_user: true, start: 0, end: 2 }],
    },
    headers: { "idempotency-key": randomUUID() },
  });
  expect(live.status()).toBe(200);
  expect(await live.json()).toEqual({});
  const direct = await post(attackerPage, "/api/notifications/send", { user_id: victim.uid, type: "custom", message: phishing });
  expect(direct.status()).toBe(404);

  // Rules are judged after each delivery's commit, in the background. A bystander's memory
  // sent after the attack goes through the same path; once its own rule reached its phone,
  // the attack's deliveries (sent earlier) have been judged too. Then look at the victim's
  // phone: only the link code.
  const bystanderPage = await newPage(browser, baseURL!);
  const bystander = await accountWithWebhookToken(bystanderPage, "bystander");
  await verifyUid(bystanderPage, bystander.uid);
  const control = "Bystander's own memory notice";
  expect((await post(bystanderPage, "/api/v1/notification-rules", { ...rules[0], template: control })).status()).toBe(201);
  const controlSent = await bystanderPage.request.post(`${bystander.urls.memory}?uid=${bystander.uid}`, {
    data: memory,
    headers: { "idempotency-key": randomUUID() },
  });
  expect(controlSent.status()).toBe(200);
  await expect.poll(async () => (await pushedTo(bystander.uid)).map((n) => n.message)).toContain(control);
  expect((await pushedTo(victim.uid)).filter((n) => !n.message.startsWith("Your Omi Hub code"))).toEqual([]);
  expect(((await (await attackerPage.request.get("/api/v1/notifications")).json()) as { items: unknown[] }).items).toEqual([]);

  // The victim's own reminder right after is not held by anything the attacker did.
  const own = await post(victimPage, "/api/notifications/send", { user_id: victim.uid, type: "reminder", message: "Stand-up in 5" });
  expect(own.status()).toBe(202);
  expect(await own.json()).toMatchObject({ status: "sent" });
  expect((await pushedTo(victim.uid)).map((n) => n.message).filter((m) => !m.startsWith("Your Omi Hub code"))).toEqual(["Stand-up in 5"]);
});

test("ten adversarial patterns over 40 KB of transcript: the webhook answers within 2 s and /api/health stays under 1 s", async ({
  page,
  baseURL,
}) => {
  const { uid, urls } = await accountWithWebhookToken(page, "patterns");
  await verifyUid(page, uid);
  for (let i = 0; i < 10; i++) {
    const pattern = `${"\\w*".repeat(5 + (i % 3))}!${i}`;
    const res = await post(page, "/api/v1/notification-rules", {
      name: `Stall ${i}`,
      trigger: { kind: "regex", pattern, via: "api" },
      scopes: ["transcript"],
      template: "x",
    });
    expect(res.status(), await res.text()).toBe(201);
  }
  const segments = Array.from({ length: 20 }, (_, i) => ({
    id: randomUUID(),
    text: "a".repeat(2_000),
    speaker: "SPEAKER_0",
    speaker_id: 0,
    is_user: true,
    start: i * 2,
    end: i * 2 + 2,
  }));

  const started = performance.now();
  const answer = fetch(`${urls.realtime}?uid=${uid}`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": randomUUID() },
    body: JSON.stringify({ session_id: uid, segments }),
  }).then(async (res) => ({ status: res.status, ms: performance.now() - started }));
  let done = false;
  void answer.then(() => (done = true));
  const health: number[] = [];
  while (!done || health.length < 3) {
    const t = performance.now();
    const res = await fetch(`${baseURL}/api/health`);
    health.push(performance.now() - t);
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 50));
  }
  const { status, ms } = await answer;
  const worstHealth = Math.max(...health);
  console.log(
    `adversarial patterns: webhook answered ${status} in ${ms.toFixed(0)} ms; /api/health worst ${worstHealth.toFixed(0)} ms over ${health.length} calls`,
  );
  expect(status).toBe(200);
  expect(ms).toBeLessThan(2_000);
  expect(worstHealth).toBeLessThan(1_000);
});

test("a wrong-password burst from one address does not lock the owner out from another", async ({ browser, baseURL }) => {
  const setup = await newPage(browser, baseURL!);
  const email = await signUp(setup, uniqueEmail("owner"));

  const attacker = await newPage(browser, baseURL!, { "x-forwarded-for": "203.0.113.7" });
  for (let i = 0; i < 10; i++) {
    await attacker.goto("/sign-in");
    await attacker.getByLabel("Email").fill(email);
    await attacker.getByLabel("Password").fill(`wrong-guess-${i}`);
    await attacker.getByRole("button", { name: "Sign in" }).click();
    await expect(attacker.getByRole("alert").filter({ hasText: /./ })).toHaveText("Wrong email or password");
  }
  await attacker.getByLabel("Password").fill(password);
  await attacker.getByRole("button", { name: "Sign in" }).click();
  await expect(attacker.getByRole("alert").filter({ hasText: /./ })).toHaveText(/Too many sign-in attempts/);

  const owner = await newPage(browser, baseURL!, { "x-forwarded-for": "198.51.100.20" });
  await signIn(owner, email);
  await expect(owner.getByRole("heading", { level: 1 })).toBeVisible();
});

test("a password sign-up with an address listed in ADMIN_EMAILS sees no operator rows", async ({ page, request }) => {
  // Rows only an operator would see: a uid nobody linked (app token) and a bad token.
  const unlinked = await request.post(`/api/webhooks/memory/e2e-app-webhook-token?uid=nobody-${randomUUID()}`, {
    data: JSON.parse(readFileSync("tests/fixtures/omi/memory-created.json", "utf8")),
    headers: { "idempotency-key": randomUUID() },
  });
  expect(unlinked.status()).toBe(200);
  expect((await request.post("/api/webhooks/memory/not-the-token?uid=someone", { data: {} })).status()).toBe(401);

  // playwright.config.ts lists this address in ADMIN_EMAILS; typing it proves nothing.
  await signUp(page, "e2e-admin@example.test");
  const list = (await (await page.request.get("/api/v1/deliveries?limit=100")).json()) as { items: { access: string }[] };
  expect(list.items.filter((d) => d.access === "operator")).toEqual([]);
  const summary = (await (await page.request.get("/api/v1/deliveries/summary")).json()) as { operator: boolean };
  expect(summary.operator).toBe(false);
  await page.goto("/deliveries");
  await expect(page.getByText(/Operator view/)).toHaveCount(0);
});
