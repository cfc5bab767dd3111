/**
 * Omi's Developer API in Chromium, against the fake Omi: a fresh account links its Omi
 * uid (code pushed through Omi), Omi delivers one conversation through the app's
 * webhook, the person pastes a key (someone else's first: refused in words), connects
 * theirs, imports with a progress bar that pauses on Omi's 429 and finishes, reads
 * Omi's facts on "About you", ticks an action item that Omi then shows completed, and
 * sees on Deliveries what a check found that webhooks never delivered.
 */
import { sendMemoryBodies } from "../scripts/simulator";
import { expect, screenshot, signUp, test, uniqueEmail } from "./fixtures";

const port = Number(process.env.E2E_PORT ?? 3100);
const fakeOmi = `http://127.0.0.1:${Number(process.env.E2E_FAKE_OMI_PORT ?? port + 99)}`;
const appToken = "e2e-app-webhook-token";

async function fake<T = Record<string, unknown>>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${fakeOmi}${path}`, body === undefined ? undefined : { method: "POST", body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`fake ${path}: ${res.status}`);
  return (await res.json()) as T;
}

async function pushedCode(uid: string): Promise<string | undefined> {
  const all = await fake<{ uid: string; message: string }[]>("/__fake/notifications");
  return all.filter((n) => n.uid === uid).map((n) => /Your Omi Hub code: (\d{6})/.exec(n.message)?.[1])[0];
}

test("connect an Omi Developer API key, import with progress, facts, ticks both ways, missed deliveries", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const uid = `e2eSync${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const key = `omi_dev_e2e_${uid}`;
  const hour = 3_600_000;
  const seeded = await fake<{ conversations: { id: string }[] }>("/__fake/dev/seed", {
    key,
    uid,
    scopes: ["conversations:read", "action_items:read", "action_items:write", "memories:read"],
    generate: {
      conversations: 120,
      actionItemsPerConversation: 2,
      facts: 12,
      segments: 4,
      lockedEvery: 40,
      newest: new Date(Date.now() - 3 * hour).toISOString(),
    },
  });
  await fake("/__fake/dev/seed", { key: `omi_dev_e2e_other_${uid}`, uid: `${uid}-someone-else`, generate: { conversations: 3 } });

  // A fresh account links its Omi uid with the code Omi pushed.
  await signUp(page, uniqueEmail("omisync"), `/link?uid=${uid}`);
  await page.getByRole("button", { name: "Link", exact: true }).click();
  await expect.poll(() => pushedCode(uid)).toMatch(/^\d{6}$/);
  await page.getByLabel("Code", { exact: true }).fill((await pushedCode(uid))!);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: "Linked and verified" })).toBeVisible();

  // Omi delivered one conversation through the app's webhook (the key is checked against it).
  const first = await fake(`/__fake/dev/webhook-body/${seeded.conversations[1]!.id}`);
  const { requests } = await sendMemoryBodies({ baseUrl: baseURL!, token: appToken, uid, bodies: [first], retries: false });
  expect(requests[0]!.status).toBe(200);

  // Before any key: "About you" says where Omi's facts come from.
  await page.goto("/about-you");
  await expect(page.getByRole("heading", { name: "No facts from Omi yet" })).toBeVisible();
  await screenshot(page, "about-you-empty-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "about-you-empty-390");
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.goto("/settings");
  const card = page.getByRole("region", { name: "Import from Omi" });
  await expect(card.getByLabel("Developer API key")).toBeVisible();
  await card.scrollIntoViewIfNeeded();

  // Someone else's key: refused, in words.
  await card.getByLabel("Developer API key").fill(`omi_dev_e2e_other_${uid}`);
  await card.getByRole("button", { name: "Connect key" }).click();
  await expect(card.getByRole("alert")).toContainText("This key reads a different Omi account");
  await screenshot(page, "omi-sync-refused-1280");

  await card.getByLabel("Developer API key").fill(key);
  await card.getByRole("button", { name: "Connect key" }).click();
  await expect(card.getByText("It reads conversations Omi delivered here")).toBeVisible();
  await expect(card.getByText("Ticks on action items go to Omi.")).toBeVisible();
  await expect(card.getByLabel("Developer API key")).toHaveCount(0);
  await screenshot(page, "omi-sync-connected-1280");

  // Import; Omi answers the fifth call with a 429 (Retry-After 6 s): the bar pauses, then finishes.
  await fake("/__fake/dev/force-429", { after: 4, retryAfter: 6 });
  await card.getByRole("button", { name: "Import from Omi" }).click();
  const bar = card.getByRole("progressbar", { name: "Import progress" });
  await expect(bar).toBeVisible();
  await expect(card.getByText(/Omi's hourly limit for this key is used up; trying again in 6 s/)).toBeVisible({ timeout: 30_000 });
  await screenshot(page, "omi-sync-paused-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, "omi-sync-paused-390");
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(card.getByText(/Import finished .*: 117 conversations \(116 new\), 234 action items, 11 facts/)).toBeVisible({
    timeout: 90_000,
  });
  await screenshot(page, "omi-sync-done-1280");

  // Omi's facts, on a page of their own.
  await page.getByRole("link", { name: "About you" }).first().click();
  await expect(page.getByRole("heading", { name: "About you" })).toBeVisible();
  const facts = page.getByRole("list", { name: "Facts Omi learned about you" });
  await expect(facts.getByRole("listitem")).toHaveCount(11);
  await page.getByLabel("Search facts").fill("Portuguese");
  await expect(facts.getByRole("listitem")).toHaveCount(2);
  await screenshot(page, "about-you-search-1280");

  // A tick here is completed in Omi, and the item says so.
  await page.goto("/action-items");
  const row = page.getByRole("list", { name: "open action items" }).getByRole("listitem").first();
  const description = (await row.locator("label").textContent())!;
  const patched = page.waitForResponse((r) => r.url().includes("/api/v1/action-items/") && r.request().method() === "PATCH");
  await row.getByRole("checkbox").check();
  const saved = (await (await patched).json()) as { omiSync: unknown; lastChange: unknown };
  expect(saved, JSON.stringify(saved)).toMatchObject({ omiSync: { state: "sent" } });
  await page.getByRole("button", { name: "Completed" }).click();
  const done = page.getByRole("list", { name: "completed action items" }).getByRole("listitem").filter({ hasText: description });
  await expect(done.getByText(/Ticked here .* · Sent to Omi: completed there too/)).toBeVisible();
  await screenshot(page, "action-item-sent-1280");
  const inOmi = await fake<{ description: string; completed: boolean }[]>(`/__fake/dev/action-items?uid=${uid}`);
  expect(inOmi.find((i) => i.description === description)?.completed).toBe(true);

  // Two conversations Omi never delivered (the hub was down): "Check now" finds them; Deliveries says so.
  await fake("/__fake/dev/seed", { uid, generate: { conversations: 2, segments: 2, newest: new Date(Date.now() - hour).toISOString() } });
  await page.goto("/settings");
  await card.getByRole("button", { name: "Check now" }).click();
  await expect(card.getByText(/Check finished .*found 2 conversations your webhooks never delivered/)).toBeVisible({ timeout: 60_000 });
  await page.goto("/deliveries");
  await expect(page.getByRole("heading", { name: "Reconcile found 2 conversations your webhooks never delivered" })).toBeVisible();
  await screenshot(page, "deliveries-missed-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "deliveries-missed-390");
});
