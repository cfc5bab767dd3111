/**
 * Replay through the real route: a stored memory replays to 200 and updates the same
 * memory (no duplicate), even though its delivery key is already stored; a delivery
 * the schema refused replays to the same 422; another account gets 404; what can't be
 * replayed answers 409 with the reason.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetTables, useTestDb } from "../db";
import type { TestAccount } from "../isolation/types";
import { APP_TOKEN, memoryBody, sendWebhook, setDeliveryTestEnv } from "./helpers";

setDeliveryTestEnv();
useTestDb();

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let replayRoute: Handler;
let detailRoute: Handler;
let a: TestAccount;
let b: TestAccount;

beforeAll(async () => {
  replayRoute = (await import("@/app/api/v1/deliveries/[id]/replay/route")).POST;
  detailRoute = (await import("@/app/api/v1/deliveries/[id]/route")).GET;
});

beforeEach(async () => {
  await resetTables();
  const { createTestAccount } = await import("../isolation/accounts");
  a = await createTestAccount();
  b = await createTestAccount();
});

async function replay(id: string, who: TestAccount) {
  const res = await replayRoute(
    new Request(`http://localhost/api/v1/deliveries/${id}/replay`, {
      method: "POST",
      headers: { authorization: `Bearer ${who.apiToken}` },
    }),
    { params: Promise.resolve({ id }) },
  );
  return { status: res.status, json: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function detail(id: string, who: TestAccount) {
  const res = await detailRoute(
    new Request(`http://localhost/api/v1/deliveries/${id}`, { headers: { authorization: `Bearer ${who.apiToken}` } }),
    {
      params: Promise.resolve({ id }),
    },
  );
  return { status: res.status, json: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function memoriesWithOmiId(omiId: string) {
  const { db } = await import("@/db/client");
  const { memories } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  return db.select().from(memories).where(eq(memories.omiId, omiId));
}

describe("replay", () => {
  it("replays a stored memory: 200 again, the same memory updated, no duplicate, logged with replayOf", async () => {
    const sent = await sendWebhook("memory", {
      token: a.webhookToken,
      uid: a.uid,
      body: memoryBody("replay-me"),
      headers: { "idempotency-key": "key-1" },
    });
    expect(sent.status).toBe(200);
    // The same key again is a duplicate: answered 200, nothing done.
    const again = await sendWebhook("memory", {
      token: a.webhookToken,
      uid: a.uid,
      body: memoryBody("replay-me"),
      headers: { "idempotency-key": "key-1" },
    });
    expect(again.status).toBe(200);
    const [before] = await memoriesWithOmiId("replay-me");
    expect(before!.revisions).toBe(1);

    const r = await replay(sent.deliveryId, a);
    expect(r.status).toBe(200);
    expect(r.json.delivery).toMatchObject({ status: 200, outcome: "stored", replayOf: sent.deliveryId, event: "memory", access: "own" });
    expect(r.json.delivery.id).not.toBe(sent.deliveryId);

    const after = await memoriesWithOmiId("replay-me");
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(before!.id);
    // Ingest ran again (the duplicate check was bypassed).
    expect(after[0]!.revisions).toBe(2);

    const original = await detail(sent.deliveryId, a);
    expect(original.json.replays).toEqual([expect.objectContaining({ id: r.json.delivery.id, status: 200 })]);
  });

  it("a delivery the schema refused replays to the same 422 and shows its error and body", async () => {
    const bad = JSON.stringify({ id: "", structured: { title: "No id" } });
    const sent = await sendWebhook("memory", { token: a.webhookToken, uid: a.uid, body: bad });
    expect(sent.status).toBe(422);
    const shown = await detail(sent.deliveryId, a);
    expect(shown.status).toBe(200);
    expect(shown.json).toMatchObject({ status: 422, outcome: "validation_failed", body: bad });
    expect(shown.json.errorMessage).toMatch(/id/);

    const r = await replay(sent.deliveryId, a);
    expect(r.status).toBe(200);
    expect(r.json.delivery).toMatchObject({ status: 422, outcome: "validation_failed", errorMessage: shown.json.errorMessage, body: bad });
    expect(r.json.delivery.response).toMatchObject({ error: { code: "validation_failed" } });
  });

  it("another account gets 404 for detail and replay, and changes nothing", async () => {
    const sent = await sendWebhook("memory", { token: a.webhookToken, uid: a.uid, body: memoryBody("private") });
    expect((await detail(sent.deliveryId, b)).status).toBe(404);
    expect((await replay(sent.deliveryId, b)).status).toBe(404);
    expect((await replay("no-such-id", a)).status).toBe(404);
    expect((await memoriesWithOmiId("private"))[0]!.revisions).toBe(1);
  });

  it("app-token deliveries of a linked uid replay with the app-token owner (null)", async () => {
    const sent = await sendWebhook("memory", { token: APP_TOKEN, uid: a.uid, body: memoryBody("app-owned") });
    const r = await replay(sent.deliveryId, a);
    expect(r.status).toBe(200);
    const rows = await memoriesWithOmiId("app-owned");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.ownerUserId).toBeNull();
  });

  it("answers 409 with the reason for what can't be replayed (audio)", async () => {
    const pcm = new Uint8Array(3200);
    const sent = await sendWebhook("audio", { token: a.webhookToken, uid: a.uid, body: pcm, query: "sample_rate=16000" });
    expect(sent.status).toBe(200);
    const r = await replay(sent.deliveryId, a);
    expect(r.status).toBe(409);
    expect(r.json.error.message).toMatch(/audio/i);
    expect((await detail(sent.deliveryId, a)).json.replayBlockedReason).toMatch(/audio/i);
  });
});
