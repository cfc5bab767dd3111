/**
 * Issue 5, end to end: "Send sample data" fills memories, live, audio and calendar
 * through the account's real webhook URLs; /deliveries shows each request with its
 * details; replay answers 200 again without a duplicate; a refused delivery shows its
 * error and body; another account sees none of it.
 */
import { expect, screenshot, signOut, signUp, test, uniqueEmail } from "./fixtures";

type Items = { items: Record<string, unknown>[] };

test("Send sample data fills every page, the delivery log shows each request, replay stores no duplicate", async ({ page, account }) => {
  test.setTimeout(120_000);
  const { token } = account;

  // The empty dashboard offers the sample.
  await page.goto("/memories");
  await page.getByRole("button", { name: "Send sample data" }).click();
  // The memory is sent last; when it arrives the list replaces the empty state.
  await expect(page.getByRole("heading", { name: "Sample: planning the week" })).toBeVisible({ timeout: 60_000 });

  // Settings offers it too; sending again updates the same memory, segments and day summaries.
  await page.goto("/settings");
  const sample = page.getByRole("region", { name: "Sample data" });
  await sample.getByRole("button", { name: "Send sample data" }).click();
  await expect(sample.getByRole("status")).toContainText("Sample data sent as uid sample-", { timeout: 60_000 });
  await expect(sample.getByRole("progressbar", { name: "Sample data progress" })).toHaveAttribute("value", "5");
  await screenshot(page, "settings-sample-data-1280");

  const get = async (path: string) => {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(200);
    return (await res.json()) as Items;
  };
  const memories = await get("/api/v1/memories");
  expect(memories.items.filter((m) => m.title === "Sample: planning the week")).toHaveLength(1);
  const revisions = memories.items.find((m) => m.title === "Sample: planning the week")?.revisions as number;
  expect((await get("/api/v1/live/sessions")).items.length).toBeGreaterThan(0);
  expect((await get("/api/v1/recordings")).items.length).toBeGreaterThan(0);
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  expect((await get(`/api/v1/day-summaries?from=${day(-10)}&to=${day(2)}`)).items).toHaveLength(2);

  // The delivery log lists every request, newest first, all answered 200.
  await page.goto("/deliveries");
  await expect(page.getByRole("heading", { name: "Deliveries", level: 1 })).toBeVisible();
  const list = page.getByRole("list", { name: "Deliveries" });
  for (const name of [
    /^Memory, 200 stored/,
    /^Live transcript, 200 stored/,
    /^Audio, 200 stored/,
    /^Day summary, 200 stored/,
    /^Button, 200 stored/,
  ]) {
    await expect(list.getByRole("link", { name }).first()).toBeVisible();
  }
  await expect(list.getByRole("link", { name: /^Audio, 200/ })).toHaveCount(20);
  await expect(page.getByRole("img", { name: /Deliveries per hour, last 24 hours: 40 succeeded, 0 failed/ })).toBeVisible();
  await screenshot(page, "deliveries-full-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "deliveries-full-390");
  await page.setViewportSize({ width: 1280, height: 800 });

  // Filters live in the URL.
  await page.getByLabel("Event").selectOption("day-summary");
  await expect(page).toHaveURL(/event=day-summary/);
  await expect(list.getByRole("link")).toHaveCount(4);
  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await expect(page).not.toHaveURL(/event=/);

  // One delivery: target redacted, headers, body, our answer.
  await list
    .getByRole("link", { name: /^Memory, 200 stored/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { name: "Memory delivery" })).toBeVisible();
  await expect(page.getByText("/api/webhooks/memory/[redacted]?uid=sample-")).toBeVisible();
  await expect(page.getByLabel("Request body")).toContainText('"title": "Sample: planning the week"');
  await expect(page.getByLabel("Response body")).toHaveText("{}");
  await expect(page.getByRole("cell", { name: "idempotency-key" })).toBeVisible();
  expect(await page.content()).not.toContain(token);
  await screenshot(page, "delivery-detail-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "delivery-detail-390");
  await page.setViewportSize({ width: 1280, height: 800 });

  // Replay: 200 again, and still one memory.
  const replayed = page.waitForResponse((r) => r.url().includes("/replay") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Replay", exact: true }).click();
  expect((await replayed).status()).toBe(200);
  await expect(page.getByRole("status").filter({ hasText: "Replay answered" })).toContainText("200");
  const after = await get("/api/v1/memories");
  expect(after.items.filter((m) => m.title === "Sample: planning the week")).toHaveLength(1);
  expect(after.items.find((m) => m.title === "Sample: planning the week")?.revisions).toBe(revisions + 1);
  await expect(page.getByRole("heading", { name: "Replays" })).toBeVisible();
});

test("a refused delivery shows its error and body; another account sees none of it", async ({ page, send }) => {
  await send("memory", { id: "", structured: { title: "Missing id" } }, { idempotencyKey: null, status: 422 });

  await page.goto("/deliveries?status=4xx");
  await expect(page.getByLabel("Status")).toHaveValue("4xx");
  await page.getByRole("link", { name: /^Memory, 422 validation_failed/ }).click();
  await expect(page.getByRole("heading", { name: "Why it was refused" })).toBeVisible();
  await expect(page.getByText(/Memory is invalid: id/).first()).toBeVisible();
  await expect(page.getByLabel("Request body")).toContainText('"id": ""');
  await expect(page.getByLabel("Response body")).toContainText('"code": "validation_failed"');
  await screenshot(page, "delivery-refused-1280");
  const id = new URL(page.url()).pathname.split("/").pop()!;

  await page.getByRole("button", { name: "Replay", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Replay answered" })).toContainText("422");

  // Another account: nothing in the list, 404 for the page, the detail and the replay.
  await signOut(page);
  await signUp(page, uniqueEmail("stranger"));
  const list = await page.request.get("/api/v1/deliveries");
  expect(list.status()).toBe(200);
  expect(((await list.json()) as Items).items).toEqual([]);
  expect((await page.request.get(`/api/v1/deliveries/${id}`)).status()).toBe(404);
  const origin = new URL(page.url()).origin;
  expect((await page.request.post(`/api/v1/deliveries/${id}/replay`, { headers: { origin } })).status()).toBe(404);

  await page.goto(`/deliveries/${id}`);
  await expect(page.getByRole("heading", { name: "Delivery not found" })).toBeVisible();

  await page.goto("/deliveries");
  await expect(page.getByRole("heading", { name: "No deliveries yet" })).toBeVisible();
  await expect(page.getByText(/No day summary arrives without a timezone and a push token in Omi/)).toBeVisible();
  await expect(page.getByText(/Audio arrives only while the phone streams/)).toBeVisible();
  await screenshot(page, "deliveries-empty-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "deliveries-empty-390");
});
