import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, screenshot, test, type Send } from "./fixtures";

const SR = 16000;

/** One second of a 440 Hz tone whose loudness swells and fades, as Omi's PCM16 LE mono. */
function toneSecond(second: number): Buffer {
  const out = Buffer.alloc(SR * 2);
  for (let i = 0; i < SR; i++) {
    const t = second + i / SR;
    const loudness = 0.15 + 0.6 * Math.abs(Math.sin((t * Math.PI) / 6)) * (0.7 + 0.3 * Math.sin(t * 9));
    out.writeInt16LE(Math.round(Math.sin(2 * Math.PI * 440 * t) * loudness * 32767), i * 2);
  }
  return out;
}

/** Like Omi's Developer Settings audio: 1-second requests, back to back; live transcript batches in between. */
async function sendTone(send: Send, seconds: number) {
  const transcript: Record<number, string> = { 2: "realtime-batch-1.json", 10: "realtime-batch-2.json" };
  for (let s = 0; s < seconds; s++) {
    if (transcript[s]) await send("realtime", readFileSync(`tests/fixtures/omi/${transcript[s]}`, "utf8"), { idempotencyKey: null });
    await send("audio", toneSecond(s), { query: { sample_rate: String(SR) }, idempotencyKey: null });
  }
}

const currentTime = (page: Page) => page.locator("audio").evaluate((a: HTMLAudioElement) => a.currentTime);

test("20 s of audio becomes one recording that plays and seeks", async ({ page, account, send }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const { token } = account;

  await page.goto("/audio");
  await expect(page.getByRole("heading", { name: "No recordings yet" })).toBeVisible();
  await expect(page.getByText(`/api/webhooks/audio/${token}`)).toBeVisible();
  await screenshot(page, "audio-empty-1280");

  await sendTone(send, 20);
  const list = await page.request.get("/api/v1/recordings");
  const { items } = (await list.json()) as { items: { durationSeconds: number; gaps: unknown[] }[] };
  expect(items).toHaveLength(1);
  expect(items[0]).toMatchObject({ durationSeconds: 20, gaps: [] });

  await page.reload();
  const recordings = page.getByRole("navigation", { name: "All recordings" });
  await expect(recordings.getByRole("button")).toHaveCount(1);
  await expect(recordings.getByRole("button")).toContainText("0:20");
  const transcript = page.getByRole("region", { name: "Transcript received meanwhile" });
  await expect(transcript.getByRole("button", { name: /do you have a minute to go over the launch/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Recording of / })).toBeVisible();
  const slider = page.getByRole("slider", { name: /Position in the recording/ });
  await expect(slider).toHaveAttribute("aria-valuemax", "20");
  await expect(page.getByRole("link", { name: "Download WAV" })).toHaveAttribute("href", /download=1/);
  await screenshot(page, "audio-recording-1280");

  // Plays: currentTime advances.
  await page.getByRole("button", { name: "Play" }).click();
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  await expect.poll(() => currentTime(page), { timeout: 15_000 }).toBeGreaterThan(0.5);
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByRole("button", { name: "Play" })).toBeVisible();

  // Click-to-seek: three quarters along the waveform.
  const box = (await slider.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.75, box.y + box.height / 2);
  await expect.poll(() => currentTime(page)).toBeGreaterThan(14);
  expect(await currentTime(page)).toBeLessThan(16);
  await expect(page.getByTestId("position")).toHaveText(/^0:1[45]$/);

  // Keyboard seek on the focused waveform: ← jumps back 5 s.
  await slider.focus();
  await page.keyboard.press("ArrowLeft");
  await expect.poll(() => currentTime(page)).toBeLessThan(11);
  expect(await currentTime(page)).toBeGreaterThan(9);

  // A transcript line seeks near the moment it arrived (here: the first seconds) and plays.
  await transcript.getByRole("button", { name: /do you have a minute/ }).click();
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  await expect.poll(() => currentTime(page)).toBeLessThan(3);
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByRole("button", { name: "Play" })).toBeVisible();

  // Home goes to the start; Space on the focused waveform plays and pauses.
  await slider.focus();
  await page.keyboard.press("Home");
  await expect.poll(() => currentTime(page)).toBe(0);
  await page.keyboard.press("Space");
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  await expect.poll(() => currentTime(page), { timeout: 15_000 }).toBeGreaterThan(0.3);
  await page.keyboard.press("Space");
  await expect(page.getByRole("button", { name: "Play" })).toBeVisible();

  // Speed applies to the audio element.
  await page.getByLabel("Speed").selectOption("1.5");
  expect(await page.locator("audio").evaluate((a: HTMLAudioElement) => a.playbackRate)).toBe(1.5);

  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "audio-recording-390");
  await page.setViewportSize({ width: 1280, height: 800 });
  // Dark theme (the class the theme toggle sets).
  await page.evaluate(() => document.documentElement.classList.add("dark"));
  await screenshot(page, "audio-recording-dark-1280");
  await page.evaluate(() => document.documentElement.classList.remove("dark"));

  // Delete with confirmation.
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("button", { name: "Delete recording" }).click();
  await expect(page.getByRole("heading", { name: "No recordings yet" })).toBeVisible();
});
