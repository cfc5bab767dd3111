/**
 * Security headers, in Chromium against the production build: every page and route
 * forbids framing (and a real framing attempt of /link and /settings is refused), and no
 * page the app has breaks its own Content-Security-Policy (sign-in, link, setup, the
 * dashboard, audio playback, the live page's event stream).
 */
import type { Page } from "@playwright/test";
import { accountWithWebhookToken, expect, screenshot, signOut, test } from "./fixtures";

const expected = {
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
};

/** Collects CSP violations the page reports, from the DOM event and from the console. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("__reportCsp", (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportCsp: (v: string) => void }).__reportCsp(
        `${e.violatedDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(`console: ${m.text()}`);
  });
  return violations;
}

test("every page and route sends the security headers", async ({ request }) => {
  for (const path of [
    "/",
    "/sign-in",
    "/link?uid=abc",
    "/setup",
    "/api/health",
    "/api/v1/memories",
    "/api/webhooks/memory/not-a-token?uid=x",
    "/no-such-page",
  ]) {
    const res = path.startsWith("/api/webhooks") ? await request.post(path, { data: {} }) : await request.get(path, { maxRedirects: 0 });
    const headers = res.headers();
    for (const [name, value] of Object.entries(expected)) expect(headers[name], `${name} on ${path}`).toBe(value);
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], path).not.toContain("unsafe-eval");
  }
});

test("/link and /settings cannot be framed by another site", async ({ page, baseURL }) => {
  await accountWithWebhookToken(page, "framing");
  for (const path of ["/link?uid=frame-target", "/settings"]) {
    const res = await page.request.get(path);
    expect(res.status()).toBe(200);
    expect(res.headers()["x-frame-options"]).toBe("DENY");
  }
  // Another site frames them (as a clickjacking page would), next to a page that allows framing.
  await page.route("http://attacker.test/", (r) =>
    r.fulfill({
      contentType: "text/html",
      body: `<iframe src="${baseURL}/link?uid=frame-target"></iframe><iframe src="${baseURL}/settings"></iframe><iframe src="http://framable.test/"></iframe>`,
    }),
  );
  await page.route("http://framable.test/", (r) => r.fulfill({ contentType: "text/html", body: "<p>framable</p>" }));
  await page.goto("http://attacker.test/");
  // Chromium replaces a refused frame with its error page; the control frame loads.
  await expect
    .poll(
      () =>
        page
          .frames()
          .slice(1)
          .map((f) => f.url())
          .sort(),
      { timeout: 10_000 },
    )
    .toEqual(["chrome-error://chromewebdata/", "chrome-error://chromewebdata/", "http://framable.test/"]);
  await screenshot(page, "framing-refused-1280");
});

test("no page breaks the Content-Security-Policy: signed out, dashboard, audio playback, live stream", async ({ page }) => {
  test.setTimeout(120_000);
  const violations = await watchCsp(page);
  for (const path of ["/", "/sign-in", "/sign-up", "/setup", "/link?uid=csp-check"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }

  await accountWithWebhookToken(page, "csp");
  const origin = new URL(page.url()).origin;
  for (const part of ["realtime", "memory", "audio", "day-summary", "button"]) {
    const res = await page.request.post("/api/v1/sample-data", { data: { part }, headers: { origin } });
    expect(res.status(), await res.text()).toBe(200);
  }

  for (const path of [
    "/memories",
    "/action-items",
    "/calendar",
    "/notifications",
    "/deliveries",
    "/settings",
    "/setup",
    "/link?uid=csp-check",
  ]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  await page.goto("/memories");
  await page.getByRole("list", { name: "Memories" }).getByRole("link").first().click();
  await page.waitForURL(/\/memories\/[^/]+$/);
  await page.waitForLoadState("networkidle");

  // Audio: the WAV streams from the API and plays.
  await page.goto("/audio");
  await page.getByRole("button", { name: "Play" }).click();
  await expect.poll(() => page.locator("audio").evaluate((a: HTMLAudioElement) => a.currentTime), { timeout: 15_000 }).toBeGreaterThan(0.3);
  await page.getByRole("button", { name: "Pause" }).click();

  // Live: the event stream connects.
  await page.goto("/live");
  await expect(page.getByRole("status", { name: "Live connection: Connected" })).toBeVisible({ timeout: 15_000 });
  await screenshot(page, "csp-live-1280");

  await signOut(page);
  expect(violations).toEqual([]);
});
