/**
 * Without any signing secret configured (no OMI_SIGNING_SECRET, no personal secret), a
 * signature cannot be checked: beside a valid token the delivery is accepted and logged
 * "unchecked"; on its own it authenticates nothing.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { resetTables, useTestDb } from "../db";
import { deliveryOf, send, setWebhookEnv } from "./harness";

setWebhookEnv();
delete process.env.OMI_SIGNING_SECRET;
useTestDb();
beforeEach(() => resetTables());

const header = { "x-omi-signature": `t=${Math.floor(Date.now() / 1000)},v1=${"ab".repeat(32)}` };

describe("no signing secret configured", () => {
  it("a valid token with a signature: accepted, signature unchecked", async () => {
    const sent = await send("button", { body: "{}", headers: header });
    expect(sent.status).toBe(200);
    expect(await deliveryOf(sent)).toMatchObject({ auth: "app", signature: "unchecked" });
  });

  it("a signature without a token: 401", async () => {
    const sent = await send("button", { pathToken: null, body: "{}", headers: header });
    expect(sent.status).toBe(401);
    expect((sent.json.error as { message: string }).message).toMatch(/No signing secret/);
  });
});
