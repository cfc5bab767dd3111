/**
 * Issue 9: Omi sends recaps for three days across two months (one legacy-only, one of
 * the newer generation); the calendar shows each in its cell, and each recap page shows
 * every section of its payload and none that the payload lacks.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, screenshot, signUp, test, uniqueEmail } from "./fixtures";

test.use({ timezoneId: "UTC" });

const fixturesDir = path.resolve(import.meta.dirname, "../tests/fixtures/omi");
const daySummary = JSON.parse(readFileSync(path.join(fixturesDir, "day-summary.json"), "utf8")) as {
  summary: string;
  summary_json: Record<string, unknown>;
};
const memoryBody = readFileSync(path.join(fixturesDir, "memory-created.json"), "utf8");

const iso = (d: Date) => d.toISOString().slice(0, 10);
const longDate = (date: string) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );
const monthName = (date: string) =>
  new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));

/** Row (1 = first week; row 0 is the weekday header) and column (Monday = 0) of a date in its month grid. */
function cellOf(date: string) {
  const d = new Date(`${date}T00:00:00Z`);
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  const lead = (first.getUTCDay() + 6) % 7;
  return { row: 1 + Math.floor((lead + d.getUTCDate() - 1) / 7), column: (d.getUTCDay() + 6) % 7 };
}

const now = new Date();
const thisMonth = iso(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)));
const lastMonth10 = iso(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 10)));
const lastMonth21 = iso(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 21)));

const fullHeadline = daySummary.summary_json.headline as string;
const newerHeadline = "Quiet Sunday: two calls, one idea";
/** Newer generation: no action_items or action_items_count; memories_learned; a place without an address. */
const newer = {
  ...daySummary.summary_json,
  date: thisMonth,
  headline: newerHeadline,
  day_emoji: "🌿",
  overview: "A slow day with a long call about the garden project.",
  stats: { total_conversations: 2, total_duration_minutes: 145 },
  action_items: undefined,
  decisions_made: [],
  memories_learned: [
    { memory_id: "m-1", content: "Prefers walking meetings after lunch", category: "interesting", captured_at: `${thisMonth}T14:02:00` },
  ],
  locations: [{ latitude: 52.520008, longitude: 13.404954, address: null, conversation_id: null, time: "16:05" }],
};

async function expectSections(page: Page, present: string[], absent: string[]) {
  for (const name of present) await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  for (const name of absent) await expect(page.getByRole("heading", { name })).toHaveCount(0);
}

test("recaps from Omi fill the calendar and each recap page shows its whole payload", async ({ page, account, send }) => {
  const { uid } = account;
  await send("memory", memoryBody);
  await send("day-summary", {
    summary: daySummary.summary.replace(`'date': '2026-03-12'`, `'date': '${lastMonth10}'`),
    summary_json: { ...daySummary.summary_json, date: lastMonth10 },
    uid,
    created_at: `${lastMonth10}T22:00:42.117906+00:00`,
  });
  // Legacy sender: only the Python-literal string, naive created_at.
  await send("day-summary", {
    summary: daySummary.summary.replace(`'date': '2026-03-12'`, `'date': '${lastMonth21}'`),
    uid,
    created_at: `${lastMonth21}T22:00:42.117906`,
  });
  await send("day-summary", { summary: "", summary_json: newer, uid, created_at: `${thisMonth}T21:00:00+00:00` });

  // This month: the newer recap in its cell; the heatmap above counts all three.
  await page.goto("/calendar");
  await expect(page.getByRole("heading", { level: 1, name: "Calendar" })).toBeVisible();
  await expect(page.getByText("3 recaps")).toBeVisible();
  const grid = page.getByRole("grid", { name: "Days of the month" });
  const checkCell = async (date: string, headline: string) => {
    const { row, column } = cellOf(date);
    const cell = grid.getByRole("row").nth(row).getByRole("gridcell").nth(column);
    await expect(cell.getByRole("link", { name: new RegExp(`^${longDate(date)}.*: ${headline}`) })).toBeVisible();
  };
  await checkCell(thisMonth, newerHeadline);
  await expect(grid.getByLabel(/: no recap$/).first()).toBeVisible();

  // The headline shows on keyboard focus too.
  const newerCell = grid.getByRole("link", { name: new RegExp(newerHeadline) });
  await newerCell.focus();
  await expect(page.getByRole("tooltip").filter({ hasText: newerHeadline })).toBeVisible();
  await screenshot(page, "calendar-1280");

  // Page Up: previous month, focus stays on the same day number.
  await newerCell.press("PageUp");
  await expect(page).toHaveURL(new RegExp(`month=${lastMonth10.slice(0, 7)}`));
  await expect(page.getByRole("heading", { level: 2, name: monthName(lastMonth10), exact: true })).toBeVisible();
  await checkCell(lastMonth10, fullHeadline);
  await checkCell(lastMonth21, fullHeadline);
  await expect(grid.getByLabel(new RegExp(`^1 ${monthName(lastMonth10)}`))).toBeFocused();
  // Buttons too.
  await page.getByRole("link", { name: /^Next month/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: monthName(thisMonth), exact: true })).toBeVisible();
  await page.getByRole("link", { name: /^Previous month/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: monthName(lastMonth10), exact: true })).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "calendar-390");
  await page.setViewportSize({ width: 1280, height: 800 });

  // The summary_json recap: every section of the fixture.
  await grid.getByRole("link", { name: new RegExp(`^${longDate(lastMonth10)}`) }).click();
  await expect(page.getByRole("heading", { level: 1, name: fullHeadline })).toBeVisible();
  const fullSections = ["Highlights", "Action items", "Unresolved questions", "Decisions made", "Knowledge nuggets", "Locations"];
  await expectSections(page, fullSections, ["Memories learned"]);
  await expect(page.getByText(/^Mostly launch prep/)).toBeVisible();
  await expect(page.getByText("1 h 11 min")).toBeVisible();
  await expect(page.getByText("Walked the checklist; only the partner contract is open.")).toBeVisible();
  await expect(page.getByText("Ping the São Paulo partner's legal team and cc Alex")).toBeVisible();
  await expect(page.getByText('Does "beta" pricing end on the 20th or the 21st?')).toBeVisible();
  await expect(page.getByText("Launch stays on Friday unless the contract slips")).toBeVisible();
  await expect(page.getByText(/Use "git worktree" for parallel release branches — it's faster/)).toBeVisible();
  await expect(page.getByText(/^Av\. Paulista, 1578/)).toBeVisible();
  await expect(page.getByText("-23.54870, -46.70021")).toBeVisible();
  await expect(page.getByText("13:41")).toBeVisible();
  const map = page.getByRole("link", { name: /Open map/ }).first();
  await expect(map).toHaveAttribute("href", /openstreetmap\.org\/\?mlat=-23\.561414&mlon=-46\.655881/);
  await expect(map).toHaveAttribute("target", "_blank");
  await expect(map).toHaveAttribute("rel", /noopener/);
  // The conversation we have is linked; the one we never received is only counted.
  const memoryLink = page.getByRole("link", { name: "Q2 Launch Checklist and Partner Contract" }).first();
  await expect(memoryLink).toHaveAttribute("href", /^\/memories\/[\w-]+$/);
  await expect(page.getByText("1 conversation not stored here").first()).toBeVisible();
  await screenshot(page, "recap-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "recap-390");
  await page.setViewportSize({ width: 1280, height: 800 });
  // Dark mode follows the system (read on load).
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: fullHeadline })).toBeVisible();
  await screenshot(page, "recap-dark-1280");
  await page.emulateMedia({ colorScheme: "light" });
  await page.reload();

  // Next day with a recap: the legacy-only one, rendered the same way.
  const fullMain = await page.getByRole("main").locator("article").innerText();
  await page.getByRole("link", { name: `Next recap, ${longDate(lastMonth21)}` }).click();
  await expect(page).toHaveURL(new RegExp(`/calendar/${lastMonth21}$`));
  await expect(page.getByRole("heading", { level: 1, name: fullHeadline })).toBeVisible();
  await expectSections(page, fullSections, ["Memories learned"]);
  const legacyMain = await page.getByRole("main").locator("article").innerText();
  expect(legacyMain.replace(/\w+day, \d+ \w+ \d{4}/, "DATE")).toBe(fullMain.replace(/\w+day, \d+ \w+ \d{4}/, "DATE"));

  // And on to the newer-generation recap: memories learned, no action items, coordinates only.
  await page.getByRole("link", { name: `Next recap, ${longDate(thisMonth)}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: newerHeadline })).toBeVisible();
  await expectSections(
    page,
    ["Highlights", "Unresolved questions", "Knowledge nuggets", "Memories learned", "Locations"],
    ["Action items", "Decisions made"],
  );
  await expect(page.getByText("Prefers walking meetings after lunch")).toBeVisible();
  await expect(page.getByText("52.52001, 13.40495")).toBeVisible();
  await expect(page.getByText("2 h 25 min")).toBeVisible();
  await expect(page.getByText("No next recap")).toHaveCount(1);
});

test("a day without a recap, or someone else's, is a plain 404; a new account's calendar teaches", async ({ page, account, send }) => {
  const date = iso(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)));
  await send("day-summary", { summary: "", summary_json: { ...daySummary.summary_json, date }, uid: account.uid });
  await page.goto(`/calendar/${date}`);
  await expect(page.getByRole("heading", { level: 1, name: fullHeadline })).toBeVisible();

  await page.context().clearCookies();
  await signUp(page, uniqueEmail("calendar-other"));
  await page.goto(`/calendar/${date}`);
  await expect(page.getByRole("heading", { name: "No recap for this day" })).toBeVisible();

  await page.goto("/calendar");
  await expect(page.getByRole("heading", { name: "No day recaps yet" })).toBeVisible();
  await expect(page.getByLabel(/: no recap$/).first()).toBeVisible();
  await screenshot(page, "calendar-empty-1280");
});
