import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FakeOmi, startFakeOmi } from "@/scripts/fake-omi/server";
import { type OmiClientConfig, sendNotification } from "./api-client";

let fake: FakeOmi;
let config: OmiClientConfig;

beforeAll(async () => {
  fake = await startFakeOmi({ appId: "app-1", apiKey: "secret-1" });
  config = { baseUrl: fake.url, appId: "app-1", appSecret: "secret-1" };
});
afterAll(() => fake.close());
beforeEach(async () => {
  await fetch(`${fake.url}/__fake/reset`);
});

describe("sendNotification", () => {
  it("sends the message in the query string and reads the rate-limit headers", async () => {
    const result = await sendNotification({ uid: "u1", message: "Hello & goodbye? 100%" }, config);
    expect(result).toEqual({ ok: true, status: 200, rateLimit: { limit: 10, remaining: 8, resetSeconds: expect.any(Number) } });
    expect(fake.notifications).toEqual([expect.objectContaining({ uid: "u1", message: "Hello & goodbye? 100%" })]);
  });

  it("explains a wrong key, an unknown app and a user without the app enabled", async () => {
    const wrongKey = await sendNotification({ uid: "u1", message: "x" }, { ...config, appSecret: "nope" });
    expect(wrongKey).toMatchObject({ ok: false, status: 403, kind: "forbidden", detail: "Invalid API key" });

    const unknownApp = await sendNotification({ uid: "u1", message: "x" }, { ...config, appId: "other" });
    expect(unknownApp).toMatchObject({ ok: false, status: 404, kind: "not_found" });

    await fetch(`${fake.url}/__fake/disable?uid=u2`);
    const disabled = await sendNotification({ uid: "u2", message: "x" }, config);
    expect(disabled).toMatchObject({ ok: false, status: 403, kind: "forbidden", explanation: "the app is not enabled for this user yet" });
  });

  it("answers rate_limited with Retry-After after 9 sends in an hour", async () => {
    for (let i = 0; i < 9; i++) expect((await sendNotification({ uid: "u3", message: `m${i}` }, config)).ok).toBe(true);
    const tenth = await sendNotification({ uid: "u3", message: "m9" }, config);
    expect(tenth).toMatchObject({ ok: false, status: 429, kind: "rate_limited", rateLimit: { limit: 10, remaining: 0 } });
    expect(tenth.ok === false && tenth.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("maps server errors, validation errors, timeouts and unreachable hosts", async () => {
    await fetch(`${fake.url}/__fake/force?status=502`);
    expect(await sendNotification({ uid: "u1", message: "x" }, config)).toMatchObject({ ok: false, status: 502, kind: "server" });

    expect(await sendNotification({ uid: "u1", message: "" }, config)).toMatchObject({ ok: false, status: 422, kind: "validation" });

    await fetch(`${fake.url}/__fake/delay?ms=500`);
    expect(await sendNotification({ uid: "u1", message: "x" }, { ...config, timeoutMs: 100 })).toMatchObject({
      ok: false,
      status: null,
      kind: "timeout",
    });
    await fetch(`${fake.url}/__fake/delay?ms=0`);

    expect(await sendNotification({ uid: "u1", message: "x" }, { ...config, baseUrl: "http://127.0.0.1:1" })).toMatchObject({
      ok: false,
      status: null,
      kind: "network",
    });
  });

  it("says so when no credentials are configured, without calling Omi", async () => {
    expect(await sendNotification({ uid: "u1", message: "x" }, { baseUrl: fake.url })).toMatchObject({ ok: false, kind: "not_configured" });
    expect(fake.notifications).toHaveLength(0);
  });
});
