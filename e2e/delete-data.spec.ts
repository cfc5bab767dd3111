/**
 * "Delete my data" on /memories/data: the dialog refuses until DELETE is typed, then
 * removes the account's memories and keeps the account signed in.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { accountWithWebhookToken, expect, screenshot, test } from "./fixtures";

const memory = readFileSync("tests/fixtures/omi/memory-created.json", "utf8");

test("delete my data asks for DELETE, then empties the account", async ({ page }) => {
  const { urls, uid } = await accountWithWebhookToken(page, "delete-data");
  const sent = await page.request.post(`${urls.memory}?uid=${uid}`, {
    data: memory,
    headers: { "content-type": "application/json", "idempotency-key": randomUUID() },
  });
  expect(sent.status()).toBe(200);
  const count = async () => ((await (await page.request.get("/api/v1/memories")).json()) as { items: unknown[] }).items.length;
  expect(await count()).toBe(1);

  await page.goto("/memories/data");
  await page.getByRole("button", { name: "Delete my data…" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete all your data?" });
  await expect(dialog).toBeVisible();
  const confirm = dialog.getByRole("button", { name: "Delete everything" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel("Type DELETE to confirm").fill("DELETE");
  await screenshot(page, "delete-data-dialog-1280");
  await confirm.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Deleted 1 memories" })).toBeVisible();
  expect(await count()).toBe(0);
});
