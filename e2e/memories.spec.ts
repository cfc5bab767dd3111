/**
 * Memories end to end: Omi-shaped memories sent to the personal webhook URL appear on
 * /memories without a reload; search finds a word only one transcript has; the detail
 * page shows transcript, sections and action items; a tick survives a reload and Omi
 * re-sending the memory. Screenshots of list and detail at 1280×800 and 390×844.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { expect, screenshot, test } from "./fixtures";

const fixture = JSON.parse(readFileSync("tests/fixtures/omi/memory-created.json", "utf8")) as Record<string, unknown> & {
  structured: Record<string, unknown>;
  transcript_segments: { text: string }[];
};

function memoryBody(overrides: { id: string; title: string; extraLine?: string; startedAt: Date }) {
  const body = structuredClone(fixture);
  body.id = overrides.id;
  body.structured.title = overrides.title;
  body.started_at = overrides.startedAt.toISOString();
  body.finished_at = new Date(overrides.startedAt.getTime() + 23 * 60_000).toISOString();
  if (overrides.extraLine) body.transcript_segments[2]!.text = overrides.extraLine;
  return body;
}

test("memories arrive live, search finds a transcript word, ticks survive reloads and re-sends", async ({ page, send }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/memories");
  await expect(page.getByRole("heading", { name: "No memories yet" })).toBeVisible();
  await screenshot(page, "memories-empty-1280");

  const rare = `quokka${Date.now().toString(36)}`;
  const launchId = randomUUID();
  const launch = memoryBody({
    id: launchId,
    title: "Q2 launch checklist",
    extraLine: `Can you ping their legal team today and bring the ${rare} contract?`,
    startedAt: new Date(Date.now() - 60 * 60_000),
  });
  await send("memory", launch);
  await send("memory", memoryBody({ id: randomUUID(), title: "Finance sync", startedAt: new Date(Date.now() - 3 * 3600_000) }));

  // No reload: the list refreshes by itself.
  const list = page.getByRole("list", { name: "Memories" });
  await expect(list.getByRole("link", { name: /^Q2 launch checklist/ })).toBeVisible({ timeout: 20_000 });
  await expect(list.getByRole("link", { name: /^Finance sync/ })).toBeVisible();
  await expect(list.getByRole("link").first()).toContainText("Q2 launch checklist");
  await screenshot(page, "memories-list-1280");

  await page.getByLabel("Search memories").fill(rare);
  await expect(page).toHaveURL(new RegExp(`q=${rare}`));
  await expect(list.getByRole("link")).toHaveCount(1);
  await expect(list.locator("mark")).toHaveText(rare);
  await screenshot(page, "memories-search-1280");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByLabel("Search memories").fill("");
  await expect(list.getByRole("link")).toHaveCount(2);
  await screenshot(page, "memories-list-390");
  await page.setViewportSize({ width: 1280, height: 800 });

  await list.getByRole("link", { name: /^Q2 launch checklist/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Q2 launch checklist" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Transcript" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Transcript" }).getByText(`bring the ${rare} contract`)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Partner contract" })).toBeVisible();
  const item = page.getByRole("checkbox", { name: /Book a review with finance/ });
  await expect(item).not.toBeChecked();
  await screenshot(page, "memory-detail-1280");

  const saved = page.waitForResponse((r) => r.url().includes("/api/v1/action-items/") && r.request().method() === "PATCH");
  await item.check();
  expect((await saved).status()).toBe(200);
  await page.reload();
  await expect(page.getByRole("checkbox", { name: /Book a review with finance/ })).toBeChecked();

  // Omi re-sends the same memory (a new finalization): the tick stays.
  await send("memory", launch);
  await page.reload();
  await expect(page.getByRole("checkbox", { name: /Book a review with finance/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /Ping the São Paulo/ })).not.toBeChecked();

  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "memory-detail-390");

  // Both memories came from the same fixture: each open item is listed twice, the ticked one once under Completed.
  await page.goto("/action-items");
  await expect(page.getByRole("checkbox", { name: /Ping the São Paulo/ })).toHaveCount(2);
  await expect(page.getByRole("checkbox", { name: /Book a review with finance/ })).toHaveCount(1);
  await page.getByRole("button", { name: "Completed" }).click();
  await expect(page.getByRole("checkbox", { name: /Book a review with finance/ })).toHaveCount(1);
  await expect(page.getByRole("checkbox", { name: /Book a review with finance/ })).toBeChecked();
  await screenshot(page, "action-items-390");

  const md = await page.request.get(`/api/v1/memories/${await memoryIdOf(page.request, launchId)}/export?format=md`);
  expect(md.headers()["content-disposition"]).toContain(".md");
  expect(await md.text()).toContain("- [x] Book a review with finance");
});

async function memoryIdOf(request: APIRequestContext, omiId: string): Promise<string> {
  const res = await request.get("/api/v1/memories?limit=100");
  const body = (await res.json()) as { items: { id: string }[] };
  for (const m of body.items) {
    const detail = (await (await request.get(`/api/v1/memories/${m.id}`)).json()) as { id: string; omi: { id?: string } };
    if (detail.omi?.id === omiId) return detail.id;
  }
  throw new Error("memory not found");
}
