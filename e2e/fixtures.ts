/**
 * Shared end-to-end helpers and Playwright fixtures. A spec asks for what it needs:
 *
 *   account    a fresh account, signed in on `page`, with its personal webhook token and
 *              URLs and a fresh Omi uid to send as (data sent so belongs to it, no link)
 *   send       sends a webhook to the account's URL as Omi's Developer Settings do
 *   linkedUid  another fresh uid, linked to the account and verified with the code the
 *              app pushed through the fake Omi API (app-token data for it shows up)
 *
 * and the plain helpers (signUp, signIn, signOut, screenshot, pushedTo, pushedCodes,
 * verifyUid) for flows that are themselves under test.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { test as base, expect, type APIResponse, type Page } from "@playwright/test";
import type { WebhookEvent } from "@/lib/constants";

export const password = "e2e-password-123";

/** The fake Omi API that playwright.config.ts starts (E2E_PORT + 99 unless set). */
export const fakeOmiUrl = `http://127.0.0.1:${Number(process.env.E2E_FAKE_OMI_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 99)}`;

/** The app-wide webhook token the e2e server is started with (playwright.config.ts). */
export const appWebhookToken = "e2e-app-webhook-token";

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

export const uniqueUid = () => `uid${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

export async function signUp(page: Page, email = uniqueEmail(), next?: string): Promise<string> {
  await page.goto(next ? `/sign-up?next=${encodeURIComponent(next)}` : "/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-up"));
  return email;
}

export async function signIn(page: Page, email: string, next?: string): Promise<void> {
  await page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await page.waitForURL("/");
}

/** Saves a screenshot under <output dir>/screenshots for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${process.env.E2E_OUTPUT_DIR ?? "test-results"}/screenshots/${name}.png`, fullPage: true });
}

export type FakeNotification = { appId: string; uid: string; message: string; at: string };

/** What the fake Omi API has pushed to `uid`'s phone so far, oldest first. */
export async function pushedTo(uid: string): Promise<FakeNotification[]> {
  const all = (await (await fetch(`${fakeOmiUrl}/__fake/notifications`)).json()) as FakeNotification[];
  return all.filter((n) => n.uid === uid);
}

/** The link codes the app pushed to `uid` through the fake Omi API, oldest first. */
export async function pushedCodes(uid: string): Promise<string[]> {
  return (await pushedTo(uid)).map((n) => /Your Omi Hub code: (\d{6})/.exec(n.message)?.[1] ?? "");
}

/**
 * Links `uid` to the account signed in on `page` and proves it with the code the app
 * pushed through the fake Omi API, by the API the link page uses. Only a verified uid's
 * app-token data shows, and only a verified uid receives notifications.
 */
export async function verifyUid(page: Page, uid: string, origin = new URL(page.url()).origin): Promise<void> {
  const headers = { origin };
  const started = await page.request.post("/api/v1/links", { data: { uid }, headers });
  expect(started.status(), await started.text()).toBe(200);
  const { id } = (await started.json()) as { id: string };
  await expect.poll(async () => (await pushedCodes(uid)).filter(Boolean).length).toBeGreaterThan(0);
  const code = (await pushedCodes(uid)).filter(Boolean).at(-1);
  const verified = await page.request.post(`/api/v1/links/${id}/verify`, { data: { code }, headers });
  expect(((await verified.json()) as { status: string }).status, `linking ${uid}`).toBe("verified");
}

export type Account = { email: string; token: string; urls: Record<WebhookEvent, string>; uid: string };

/** Signs up a fresh account on `page` and reads its personal webhook token and URLs. */
export async function accountWithWebhookToken(page: Page, prefix = "user"): Promise<Account> {
  const email = await signUp(page, uniqueEmail(prefix));
  const res = await page.request.get("/api/v1/account/webhooks");
  expect(res.status()).toBe(200);
  const { token, urls } = (await res.json()) as { token: string; urls: Account["urls"] };
  return { email, token, urls, uid: uniqueUid() };
}

export type SendOptions = {
  /** The uid to send for; default the account's. */
  uid?: string;
  /** Query parameters before the uid, in order (audio: sample_rate). */
  query?: Record<string, string>;
  /** Omi's developer sender adds an Idempotency-Key, the same on every retry; null sends none. */
  idempotencyKey?: string | null;
  /** The status the test expects; default 200. */
  status?: number;
};

/** Sends `body` (text, bytes, or anything else as JSON) to the account's URL for `event`. */
export type Send = (event: WebhookEvent, body: string | Buffer | object, options?: SendOptions) => Promise<APIResponse>;

type Fixtures = { account: Account; send: Send; linkedUid: string };

export const test = base.extend<Fixtures>({
  account: async ({ page }, use, testInfo) => {
    await use(await accountWithWebhookToken(page, path.basename(testInfo.file, ".spec.ts")));
  },

  send: async ({ page, account }, use) => {
    await use(async (event, body, { uid = account.uid, query = {}, idempotencyKey = randomUUID(), status = 200 } = {}) => {
      const search = new URLSearchParams({ ...query, uid });
      const res = await page.request.post(`${account.urls[event]}?${search}`, {
        headers: {
          "content-type": event === "audio" ? "application/octet-stream" : "application/json",
          ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}),
        },
        data: typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body),
      });
      expect(res.status(), await res.text()).toBe(status);
      return res;
    });
  },

  linkedUid: async ({ page, account: _account, baseURL }, use) => {
    const uid = uniqueUid();
    await verifyUid(page, uid, baseURL!);
    await use(uid);
  },
});

export { expect };
