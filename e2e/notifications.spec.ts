/**
 * Issue 10, end to end: a rule made in the UI, the simulator streams the keyword through
 * the realtime webhook (the keyword arrives in a segment re-sent longer), the fake Omi
 * API receives exactly one notification, and the log shows it as sent. The account has
 * verified the uid first: rules only ever notify a uid their account has proven it owns.
 */
import { streamLive } from "../scripts/simulator";
import { expect, fakeOmiUrl, pushedTo, screenshot, test, verifyUid } from "./fixtures";

test("a keyword rule made in the UI notifies through Omi, once, and the log says sent", async ({ page, baseURL, account }) => {
  const { token, uid } = account;
  await verifyUid(page, uid);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/notifications");
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No rules yet" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Nothing sent yet" })).toBeVisible();
  await screenshot(page, "notifications-empty-1280");

  await page.getByRole("button", { name: "New rule" }).click();
  const form = page.getByRole("form", { name: "New rule" });
  await form.getByLabel("Rule name").fill("Contract watch");
  await form.getByLabel("Keywords").fill("signed");
  await form.getByLabel("Deliver through").selectOption("api");
  await form.getByRole("textbox", { name: "Template" }).fill("Heard “{{transcript.keyword}}”: {{transcript.text}}");

  // A template that reaches outside its scopes is refused, naming the placeholder.
  await form.getByRole("textbox", { name: "Template" }).fill("{{memory.title}}");
  await form.getByRole("button", { name: "Create rule" }).click();
  await expect(form.getByRole("alert")).toContainText("{{memory.title}}");
  await form.getByRole("textbox", { name: "Template" }).fill("Heard “{{transcript.keyword}}”: {{transcript.text}}");
  // The refusal was about the earlier template: it goes once the template changes, and stays gone after a test.
  await expect(form.getByRole("alert")).toHaveCount(0);

  await form.getByLabel("Sample sentence").fill("The partner finally signed today");
  await form.getByRole("button", { name: "Test against a sample" }).click();
  await expect(form.getByRole("status")).toContainText("Heard “signed”: The partner finally signed today");
  await expect(form.getByRole("alert")).toHaveCount(0);
  await screenshot(page, "notifications-rule-form-1280");
  await form.getByRole("button", { name: "Create rule" }).click();
  const rules = page.getByRole("list", { name: "Rules" });
  await expect(rules.getByText("Contract watch", { exact: true })).toBeVisible();
  await expect(rules.getByText("Live transcript mentions “signed”")).toBeVisible();

  await fetch(`${fakeOmiUrl}/__fake/reset`);
  await streamLive({ baseUrl: baseURL!, token, uid, segments: 8, intervalMs: 50, retries: false });

  await expect
    .poll(async () => pushedTo(uid), {
      timeout: 15_000,
    })
    .toEqual([
      { appId: "e2e-app", uid, message: "Heard “signed”: Okay — so the São Paulo partner still hasn't signed.", at: expect.any(String) },
    ]);

  await page.reload();
  const log = page.getByRole("list", { name: "Notifications" });
  const row = log.getByRole("listitem").filter({ hasText: "Contract watch" });
  await expect(row).toHaveCount(1);
  await expect(row.getByText("Sent", { exact: true })).toBeVisible();
  await expect(row.getByText("HTTP 200")).toBeVisible();
  await screenshot(page, "notifications-full-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "notifications-full-390");

  // Turning the rule off is one click and sticks.
  await rules.getByRole("switch", { name: "Contract watch enabled" }).click();
  await expect(rules.getByText("Off", { exact: true })).toBeVisible();
});
