import { expect, screenshot, signIn, signOut, signUp, test, uniqueEmail } from "./fixtures";

test("landing page explains the app and offers both ways in", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Omi");
  const main = page.getByRole("main");
  await expect(main.getByRole("link", { name: "Create account" })).toBeVisible();
  await expect(main.getByRole("link", { name: "Sign in" })).toBeVisible();
  await screenshot(page, "landing-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "landing-390");
});

test("setup guide lists which URL goes in which Omi field", async ({ page }) => {
  await page.goto("/setup");
  await expect(page.getByRole("heading", { name: "Connect Omi to Omi Hub" })).toBeVisible();
  await expect(page.getByText("/api/setup-completed")).toBeVisible();
  await expect(page.getByText("Day summaries arrive")).toBeVisible();
});

test("favicon, app icons and the web manifest answer, so no page logs a 404 for them", async ({ page, request }) => {
  const missing: string[] = [];
  page.on("response", (r) => r.status() === 404 && missing.push(r.url()));
  await page.goto("/");
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toBe("image/x-icon");
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = (await (await request.get(manifestHref!)).json()) as {
    name: string;
    start_url: string;
    icons: { src: string; purpose: string }[];
  };
  expect(manifest.name).toBe("Omi Hub");
  expect(manifest.icons.map((i) => i.purpose).sort()).toEqual(["any", "any", "maskable"]);
  const icons = [
    ...manifest.icons.map((i) => i.src),
    ...(await page
      .locator('link[rel="icon"], link[rel="apple-touch-icon"]')
      .evaluateAll((links) => links.map((l) => l.getAttribute("href")!))),
  ];
  for (const src of icons) expect((await request.get(src)).status(), src).toBe(200);
  expect(missing).toEqual([]);
});

test("health answers ok", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", database: "ok" });
});

test("create an account, sign out, sign back in; wrong password and duplicate email are explained", async ({ page }) => {
  const email = await signUp(page, uniqueEmail("foundation"));
  await expect(page).toHaveURL(/\/memories/);
  await expect(page.getByRole("navigation", { name: "Main" }).first()).toBeVisible();
  await signOut(page);

  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("another-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "already exists" })).toHaveText("An account with this email already exists");

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong" })).toHaveText("Wrong email or password");

  await signIn(page, email);
  await expect(page).toHaveURL(/\/memories/);
});

test("a signed-out visit to a dashboard page comes back there after sign-in", async ({ page }) => {
  const email = await signUp(page, uniqueEmail("return"));
  await signOut(page);
  await page.goto("/calendar");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fcalendar/);
  await signIn(page, email, "/calendar");
  await expect(page).toHaveURL(/\/calendar$/);
});
