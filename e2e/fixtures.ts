/**
 * Shared end-to-end helpers: unique accounts, sign-up through the real form, and an
 * API request context that carries the signed-in session.
 */
import { test as base, expect, type Page } from "@playwright/test";

export const password = "e2e-password-123";

/** The fake Omi API that playwright.config.ts starts next to the app (E2E_PORT + 99). */
export const fakeOmiUrl = `http://127.0.0.1:${Number(process.env.E2E_FAKE_OMI_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 99)}`;

export type FakeNotification = { appId: string; uid: string; message: string; at: string };

/** What the fake Omi API has pushed to `uid`'s phone so far. */
export async function pushedTo(uid: string): Promise<FakeNotification[]> {
  const all = (await (await fetch(`${fakeOmiUrl}/__fake/notifications`)).json()) as FakeNotification[];
  return all.filter((n) => n.uid === uid);
}

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

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

export const test = base;
export { expect };

/**
 * Links `uid` to the signed-in account and proves it with the code Omi (the fake) pushed,
 * through the same API the link page uses. Only a verified uid receives notifications.
 */
export async function verifyUid(page: Page, uid: string): Promise<void> {
  const headers = { origin: new URL(page.url()).origin };
  const started = await page.request.post("/api/v1/links", { data: { uid }, headers });
  expect(started.status()).toBe(200);
  const { id } = (await started.json()) as { id: string };
  const code = (await pushedTo(uid)).map((n) => /Your Omi Hub code: (\d{6})/.exec(n.message)?.[1]).findLast(Boolean);
  expect(code, "a code reached the fake Omi").toBeTruthy();
  const verified = await page.request.post(`/api/v1/links/${id}/verify`, { data: { code }, headers });
  expect(verified.status()).toBe(200);
  expect(((await verified.json()) as { status: string }).status).toBe("verified");
}

/**
 * Signs up a fresh account and returns its personal webhook token: data sent with it
 * belongs to this account (no uid link needed). `uid` is a fresh Omi uid to send as.
 */
export async function accountWithWebhookToken(page: Page, prefix = "user") {
  const email = await signUp(page, uniqueEmail(prefix));
  const res = await page.request.get("/api/v1/account/webhooks");
  expect(res.status()).toBe(200);
  const { token, urls } = (await res.json()) as { token: string; urls: Record<string, string> };
  const uid = `uid${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  return { email, token, urls, uid };
}
