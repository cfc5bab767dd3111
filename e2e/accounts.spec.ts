/**
 * Accounts and linking against the fake Omi API (playwright.config.ts starts it on E2E_PORT+99):
 * link a uid from the Auth URL, prove it with the code pushed through Omi, refuse a second
 * account, sign out and in again; and, on a second server without Omi credentials,
 * the immediate unverified ("trusted") link.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { expect, fakeOmiUrl, password, pushedCodes, screenshot, signIn, signOut, signUp, test, uniqueEmail, uniqueUid } from "./fixtures";

const port = Number(process.env.E2E_PORT ?? 3100);

test("link a uid with a code pushed through Omi; a second account cannot take it", async ({ page, request }) => {
  const uid = uniqueUid();
  const email = uniqueEmail("linker");

  // Omi opens the Auth URL while we are signed out: create an account and come back with the uid kept.
  await page.goto(`/link?uid=${uid}`);
  await expect(page.getByRole("heading", { name: "Link your Omi account" })).toBeVisible();
  await screenshot(page, "link-signed-out-1280");
  await page.getByRole("main").getByRole("link", { name: "Create account" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => url.pathname === "/link" && url.searchParams.get("uid") === uid);

  // Signed in: the uid (masked) and the account it joins.
  await expect(page.getByText(`${uid.slice(0, 4)}…${uid.slice(-4)}`)).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await screenshot(page, "link-confirm-1280");
  expect(await (await request.get(`/api/setup-completed?uid=${uid}`)).json()).toEqual({ is_setup_completed: false });

  await page.getByRole("button", { name: "Link", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Enter the code from your Omi app" })).toBeVisible();
  expect(await (await request.get(`/api/setup-completed?uid=${uid}`)).json()).toEqual({ is_setup_completed: true });

  await expect.poll(() => pushedCodes(uid)).toHaveLength(1);
  const [code] = await pushedCodes(uid);
  expect(code).toMatch(/^\d{6}$/);

  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
  await page.getByLabel("Code", { exact: true }).fill(wrong);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That code is not right. 4 tries left." })).toBeVisible();
  await screenshot(page, "link-code-wrong-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "link-code-wrong-390");
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByLabel("Code", { exact: true }).fill(code!);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: "Linked and verified" })).toBeVisible();
  await screenshot(page, "link-verified-1280");

  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Omi accounts" })).toBeVisible();
  await expect(page.getByTitle(uid)).toBeVisible();
  await expect(page.getByText("Verified", { exact: true })).toBeVisible();
  await screenshot(page, "settings-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "settings-390");
  await page.setViewportSize({ width: 1280, height: 800 });

  // A second account cannot take the uid.
  await signOut(page);
  await signUp(page, uniqueEmail("intruder"));
  await page.goto(`/link?uid=${uid}`);
  await expect(page.getByRole("alert").filter({ hasText: "already linked to another Omi Hub account" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Link", exact: true })).toHaveCount(0);
  await screenshot(page, "link-refused-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "link-refused-390");
  await page.setViewportSize({ width: 1280, height: 800 });

  // Sign out and in again: the link is still there.
  await page.goto("/settings");
  await signOut(page);
  await signIn(page, email, "/settings");
  await expect(page.getByTitle(uid)).toBeVisible();
});

test("when Omi has not enabled the app yet, the page says so and sends the code once it can", async ({ page }) => {
  const uid = uniqueUid();
  await fetch(`${fakeOmiUrl}/__fake/disable?uid=${uid}`);
  await signUp(page, uniqueEmail("waiting"), `/link?uid=${uid}`);
  await page.getByRole("button", { name: "Link", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "has not enabled the app" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send the code again" })).toBeVisible();
  await screenshot(page, "link-not-enabled-1280");
  await fetch(`${fakeOmiUrl}/__fake/enable?uid=${uid}`);
  // The page retries by itself every few seconds.
  await expect(page.getByRole("status").filter({ hasText: "We sent a 6-digit code" })).toBeVisible({ timeout: 20_000 });
  expect(await pushedCodes(uid)).toHaveLength(1);
});

test("personal API tokens: create (shown once), use, revoke", async ({ page, account }) => {
  expect(account.email).toContain("@");
  await page.goto("/settings");
  await page.getByLabel("Token name").fill("Backup script");
  // Listing tokens needs the account scope; read is ticked already.
  await page.getByRole("checkbox", { name: /^Account/ }).check();
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByLabel("New API token").textContent())!.trim();
  expect(token).toMatch(/^oht_/);
  const ok = await page.request.get("/api/v1/tokens", { headers: { authorization: `Bearer ${token}` } });
  expect(ok.status()).toBe(200);
  await page.getByRole("button", { name: "Revoke Backup script" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText("No API tokens")).toBeVisible();
  const revoked = await page.request.get("/api/v1/tokens", { headers: { authorization: `Bearer ${token}` } });
  expect(revoked.status()).toBe(401);
});

test.describe("without Omi credentials", () => {
  const otherPort = port + 1;
  let server: ChildProcess | undefined;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    // The same build, a fresh database, and no OMI_APP_ID / OMI_APP_SECRET.
    server = spawn("npx", ["tsx", "--require", "./scripts/server-only.cjs", "scripts/e2e-server.ts"], {
      detached: true,
      stdio: "ignore",
      // An app token without credentials refuses to start (lib/env.ts): this server has neither.
      env: {
        ...process.env,
        E2E_PORT: String(otherPort),
        E2E_SKIP_BUILD: "1",
        E2E_ENV_OMI_APP_ID: "",
        E2E_ENV_OMI_APP_SECRET: "",
        E2E_ENV_OMI_WEBHOOK_TOKEN: "",
      },
    });
    await expect
      .poll(
        async () => {
          try {
            return (await fetch(`http://127.0.0.1:${otherPort}/api/health`)).status;
          } catch {
            return 0;
          }
        },
        { timeout: 100_000, intervals: [1000] },
      )
      .toBe(200);
  });
  test.afterAll(() => {
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
  });

  test("linking is immediate and marked not verified; a second account is refused", async ({ browser }) => {
    const context = await browser.newContext({ baseURL: `http://127.0.0.1:${otherPort}` });
    const page = await context.newPage();
    const uid = uniqueUid();
    await signUp(page, uniqueEmail("selfhost"), `/link?uid=${uid}`);
    await expect(page.getByText("This server cannot send codes through Omi")).toBeVisible();
    await page.getByRole("button", { name: "Link", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Linked", exact: true })).toBeVisible();
    await expect(page.getByText("This link was not verified")).toBeVisible();
    await screenshot(page, "link-trusted-1280");
    expect(await (await page.request.get(`/api/setup-completed?uid=${uid}`)).json()).toEqual({ is_setup_completed: true });

    await page.goto("/settings");
    await signOut(page);
    await signUp(page, uniqueEmail("selfhost2"), `/link?uid=${uid}`);
    await expect(page.getByRole("alert").filter({ hasText: "already linked to another Omi Hub account" })).toBeVisible();
    await context.close();
  });
});
