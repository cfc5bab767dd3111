/**
 * /memories/data: "Export all my data" downloads the ZIP whose size the server announced
 * up front; "Delete my data" refuses until DELETE is typed, then removes the account's
 * memories and keeps the account signed in.
 */
import { readFileSync } from "node:fs";
import { expect, screenshot, test } from "./fixtures";

const memory = readFileSync("tests/fixtures/omi/memory-created.json", "utf8");

test("export my data downloads a ZIP of the exact size announced", async ({ page, send }) => {
  await send("memory", memory);
  await page.goto("/memories/data");
  const downloaded = page.waitForEvent("download");
  const answer = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/v1/data");
  await page.getByRole("button", { name: "Download export" }).click();
  // Next.js drops Content-Length from route handlers; the exact size travels as X-Export-Bytes.
  const length = Number((await (await answer).allHeaders())["x-export-bytes"]);
  expect(length).toBeGreaterThan(1000);
  const file = await (await downloaded).path();
  expect(readFileSync(file).length).toBe(length);
  expect(readFileSync(file).subarray(0, 4).toString("latin1")).toBe("PK\x03\x04");
  await expect(page.getByText(/^Done: /)).toBeVisible();
});

test("delete my data asks for DELETE, then empties the account", async ({ page, send }) => {
  await send("memory", memory);
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
