/**
 * The Omi simulator against the production build: every event it sends is answered
 * 200 at the URLs people paste into Omi (never a redirect, with or without a trailing
 * slash) and shows up in the account's delivery log as stored.
 */
import { appWebhookToken, expect, screenshot, test } from "./fixtures";
import { sendAll, sendMemory } from "../scripts/simulator";

type Delivery = { event: string; status: number; outcome: string; uid: string | null; auth: string };

test("the simulator's every event is stored and listed in the account's delivery log", async ({ page, baseURL, account }) => {
  test.setTimeout(120_000);
  const { token, uid, urls } = account;

  // Settings' memory URL, as a person pastes it; the simulator swaps the event part.
  const all = await sendAll({
    baseUrl: urls.memory!,
    uid,
    retries: false,
    count: 2,
    segments: 4,
    intervalMs: 200,
    seconds: 3,
    burstSeconds: 2,
  });
  const requests = Object.values(all).flatMap((p) => p.requests);
  expect(requests.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);

  // Old senders: "?uid=" after a "?", the token as ?token=.
  const legacy = await sendMemory({ baseUrl: `${baseURL}/api/webhooks/{event}?token=${token}`, uid, legacy: true, retries: false });
  expect(legacy.requests[0]!.status).toBe(200);

  const res = await page.request.get("/api/v1/deliveries?limit=200");
  expect(res.status()).toBe(200);
  const { items } = (await res.json()) as { items: Delivery[] };
  const mine = items.filter((d) => d.uid === uid);
  const count = (event: string) => mine.filter((d) => d.event === event && d.status === 200 && d.outcome === "stored").length;
  expect(count("memory")).toBe(3);
  expect(count("realtime")).toBe(all.live.requests.length);
  expect(count("audio")).toBe(3);
  expect(count("day-summary")).toBe(1);
  expect(count("button")).toBe(1);
  expect(mine.every((d) => d.auth === "personal")).toBe(true);

  await page.goto("/deliveries");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await screenshot(page, "webhooks-deliveries");
});

test("webhook URLs answer directly with and without a trailing slash, never a redirect", async ({ baseURL, account }) => {
  const { token, uid } = account;
  const forms = [
    `/api/webhooks/button/${token}?uid=${uid}`,
    `/api/webhooks/button/${token}/?uid=${uid}`,
    `/api/webhooks/button?token=${token}&uid=${uid}`,
    `/api/webhooks/button/?token=${token}&uid=${uid}`,
    `/api/webhooks/button/${token}?x=1?uid=${uid}`,
  ];
  for (const path of forms) {
    const res = await fetch(`${baseURL}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ path }),
      redirect: "manual",
    });
    expect(res.status, path).toBe(200);
    expect(await res.json(), path).toEqual({});
  }
  const wrong = await fetch(`${baseURL}/api/webhooks/memory/not-a-token/?uid=${uid}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
    redirect: "manual",
  });
  expect(wrong.status).toBe(401);
  expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
});

test("app-wide token data for an unlinked uid is stored but not shown to an account", async ({ page, baseURL, account }) => {
  const uid = `unlinked${Date.now().toString(36)}`;
  expect(uid).not.toBe(account.uid);
  const { requests } = await sendMemory({ baseUrl: `${baseURL}/api/webhooks/memory/${appWebhookToken}`, uid, retries: false });
  expect(requests[0]!.status).toBe(200);
  const res = await page.request.get("/api/v1/deliveries?limit=200");
  const { items } = (await res.json()) as { items: Delivery[] };
  expect(items.some((d) => d.uid === uid)).toBe(false);
});

test("app-wide token data for a uid the account linked and verified is shown to it", async ({ page, baseURL, linkedUid }) => {
  const { requests } = await sendMemory({ baseUrl: `${baseURL}/api/webhooks/memory/${appWebhookToken}`, uid: linkedUid, retries: false });
  expect(requests[0]!.status).toBe(200);
  const { items } = (await (await page.request.get("/api/v1/deliveries?limit=200")).json()) as { items: Delivery[] };
  expect(items.filter((d) => d.uid === linkedUid).map((d) => [d.event, d.auth, d.outcome])).toEqual([["memory", "app", "stored"]]);
  const memories = (await (await page.request.get("/api/v1/memories")).json()) as { items: { uid: string }[] };
  expect(memories.items.map((m) => m.uid)).toEqual([linkedUid]);
});
