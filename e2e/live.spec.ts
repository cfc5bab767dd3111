/**
 * Issue 7 "Done when": /live is open; 30 deliveries stream in, some re-sending a line
 * with longer text (and some re-sending it unchanged); the page ends with exactly the
 * final texts, in order, no duplicates. The connection is cut mid-stream and comes
 * back; nothing is missing.
 */
import net from "node:net";
import type { Page } from "@playwright/test";
import { expect, screenshot, test } from "./fixtures";

type Segment = { id: string; text: string; speaker: string; speaker_id: number; is_user: boolean; start: number; end: number };

/** 30 deliveries: 20 new lines; every third delivery after the first few also re-sends an earlier line. */
function script(): { deliveries: Segment[][]; finalTexts: string[] } {
  const words = ["so", "the", "launch", "moves", "to", "Friday", "because", "legal", "still", "needs", "a", "day"];
  const lines: Segment[] = [];
  const deliveries: Segment[][] = [];
  const line = (i: number, length: number): Segment => ({
    id: `e2e-seg-${i}`,
    text: `Line ${i + 1}: ${words.slice(0, length).join(" ")}`,
    speaker: `SPEAKER_${i % 3}`,
    speaker_id: i % 3,
    is_user: i % 3 === 0,
    start: i * 2.5,
    end: i * 2.5 + 2,
  });
  let next = 0;
  for (let d = 0; d < 30; d++) {
    if (d % 3 === 2 && next > 1) {
      // Omi re-sends an earlier segment: longer (it grew) or, sometimes, identical.
      const i = next - 2;
      const grown = line(i, d % 2 === 0 ? 12 : 8);
      lines[i] = grown.text.length >= lines[i]!.text.length ? grown : lines[i]!;
      deliveries.push([grown, ...(d % 6 === 5 ? [lines[i - 1] ?? grown] : [])]);
    } else {
      const s = line(next, 4);
      lines[next] = s;
      deliveries.push([s]);
      next += 1;
    }
  }
  return { deliveries, finalTexts: lines.map((l) => l.text) };
}

/**
 * A TCP proxy in front of the app that the test can cut, like a dropped Wi-Fi: every open
 * connection (the event stream included) dies and new ones are refused until restored.
 * Cookies are per host, not per port, so the signed-in session works through it.
 */
async function cuttableProxy(target: URL) {
  const sockets = new Set<net.Socket>();
  let up = true;
  const server = net.createServer((client) => {
    if (!up) return client.destroy();
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("error", () => s.destroy());
      s.on("close", () => {
        sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    cut() {
      up = false;
      for (const s of sockets) s.destroy();
    },
    restore() {
      up = true;
    },
    close() {
      up = false;
      for (const s of sockets) s.destroy();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

const status = (page: Page) => page.getByRole("status", { name: /Live connection/ });

test("live transcript: 30 deliveries with re-sends end exactly right, across a cut connection", async ({
  page,
  baseURL,
  account,
  send,
}) => {
  test.setTimeout(120_000);
  // As Omi's app sender: {session_id, segments} with no idempotency key.
  const deliver = (segments: Segment[]) => send("realtime", { session_id: account.uid, segments }, { idempotencyKey: null });
  const proxy = await cuttableProxy(new URL(baseURL!));
  await page.goto(`${proxy.url}/live`);
  await expect(page.getByRole("heading", { level: 1, name: "Live" })).toBeVisible();
  await expect(status(page)).toHaveText("Connected");
  await expect(page.getByText("Start talking with Omi…")).toBeVisible();
  await screenshot(page, "live-empty-1280");

  const { deliveries, finalTexts } = script();
  const lines = page.getByTestId("live-line");

  for (const batch of deliveries.slice(0, 12)) await deliver(batch);
  await expect(page.getByRole("heading", { name: "Current session" })).toBeVisible();
  await expect(lines.last()).toContainText("Line 8:");

  // Cut the connection mid-stream; deliveries keep arriving at the server meanwhile.
  proxy.cut();
  await expect(status(page)).toHaveText("Reconnecting…");
  for (const batch of deliveries.slice(12, 20)) await deliver(batch);
  await expect(status(page)).toHaveText("Reconnecting…");
  proxy.restore();
  await expect(status(page)).toHaveText("Connected", { timeout: 20_000 });

  for (const batch of deliveries.slice(20)) await deliver(batch);
  await expect(lines).toHaveText(finalTexts, { timeout: 15_000 });
  await expect(lines).toHaveCount(20);

  // The speaker names are shown beside each line (colour is not the only signal).
  await expect(page.getByRole("region", { name: "Live transcript" }).getByText("You").first()).toBeVisible();
  await screenshot(page, "live-full-1280");

  // A reload resumes from the database: the same lines, once each.
  await page.reload();
  await expect(lines).toHaveText(finalTexts);

  // Scrolling up stops following and offers a way back.
  const region = page.getByRole("region", { name: "Live transcript" });
  await region.evaluate((el) => (el.scrollTop = 0));
  const jump = page.getByRole("button", { name: "Jump to latest" });
  await expect(jump).toBeVisible();
  await deliver([
    { id: "e2e-late", text: "One more line after scrolling up", speaker: "SPEAKER_1", speaker_id: 1, is_user: false, start: 99, end: 100 },
  ]);
  await expect(lines.last()).toHaveText("One more line after scrolling up");
  await expect(jump).toBeVisible();
  await jump.click();
  await expect(jump).toBeHidden();

  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "live-full-390");
  await proxy.close();
});

test("live page for an account without sessions teaches how to connect", async ({ page, account }) => {
  expect(account.uid).toBeTruthy(); // signed in, nothing sent
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/live");
  await expect(page.getByText("Start talking with Omi…")).toBeVisible();
  await expect(page.getByRole("link", { name: "Settings" }).last()).toBeVisible();
  await expect(page.getByText("Finished sessions appear here")).toBeVisible();
  await screenshot(page, "live-empty-390");
});
