/**
 * The delivery log's reads: who sees what (own rows, linked uids' app-token rows,
 * operators' extra metadata-only rows), the filters, keyset paging, hourly chart
 * buckets and the consecutive-failure count behind the "N of 100" warning.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetTables, useTestDb } from "../db";
import type { TestAccount } from "../isolation/types";
import { APP_TOKEN, memoryBody, sendWebhook, setDeliveryTestEnv } from "./helpers";

const OPERATOR = "ops@example.test";
// Listed here as an attacker would hope: ADMIN_EMAILS no longer grants anything.
const LISTED = "listed@example.test";
setDeliveryTestEnv({ ADMIN_EMAILS: `${LISTED}, ${OPERATOR}` });
useTestDb();

type Q = typeof import("@/lib/deliveries/queries");
type A = typeof import("@/lib/deliveries/access");
let q: Q;
let access: A;
let a: TestAccount;
let b: TestAccount;
let viewerA: Awaited<ReturnType<A["deliveryViewerFor"]>>;
let viewerB: Awaited<ReturnType<A["deliveryViewerFor"]>>;
let viewerOps: Awaited<ReturnType<A["deliveryViewerFor"]>>;
let viewerListed: Awaited<ReturnType<A["deliveryViewerFor"]>>;

beforeAll(async () => {
  q = await import("@/lib/deliveries/queries");
  access = await import("@/lib/deliveries/access");
});

beforeEach(async () => {
  await resetTables();
  // Imported lazily: it reads lib/env, which must see the env set above.
  const { createTestAccount } = await import("../isolation/accounts");
  a = await createTestAccount();
  b = await createTestAccount();
  const { createUser } = await import("@/lib/accounts/users");
  const { runUserCommand } = await import("@/scripts/user/cli");
  const ops = await createUser({ email: OPERATOR, password: "operator-password-1" });
  const listed = await createUser({ email: LISTED, password: "listed-password-1" });
  expect(await runUserCommand(["grant-operator", OPERATOR.toUpperCase()], { out: () => {}, err: () => {} })).toBe(0);
  viewerA = await access.deliveryViewerFor({ id: a.userId });
  viewerB = await access.deliveryViewerFor({ id: b.userId });
  viewerOps = await access.deliveryViewerFor({ id: ops.id });
  viewerListed = await access.deliveryViewerFor({ id: listed.id });
});

const listIds = async (viewer: typeof viewerA, query: Record<string, unknown> = {}) => {
  const { deliveryListQuerySchema } = await import("@/lib/api/schemas/deliveries");
  const list = await q.listDeliveries({ viewer, query: deliveryListQuerySchema.parse(query) });
  return list.items.map((i) => i.id);
};

describe("visibility", () => {
  it("operators are the accounts the CLI granted; an address in ADMIN_EMAILS grants nothing", async () => {
    expect(viewerOps.operator).toBe(true);
    expect(viewerListed.operator).toBe(false);
    expect(viewerA.operator).toBe(false);
    const { runUserCommand } = await import("@/scripts/user/cli");
    const io = { out: () => {}, err: () => {} };
    expect(await runUserCommand(["revoke-operator", OPERATOR], io)).toBe(0);
    expect((await access.deliveryViewerFor({ id: viewerOps.scope.userId })).operator).toBe(false);
    expect(await runUserCommand(["grant-operator", "nobody@example.test"], io)).toBe(1);
    expect(await runUserCommand(["grant-operator"], io)).toBe(2);
  });

  it("an account sees its personal-token rows and app-token rows of its linked uids, never another account's", async () => {
    const personal = await sendWebhook("memory", { token: a.webhookToken, uid: "any-uid", body: memoryBody("m1") });
    const appLinked = await sendWebhook("memory", { token: APP_TOKEN, uid: a.uid, body: memoryBody("m2") });
    const bOwn = await sendWebhook("memory", { token: b.webhookToken, uid: a.uid, body: memoryBody("m3") });
    expect([personal.status, appLinked.status, bOwn.status]).toEqual([200, 200, 200]);

    expect(new Set(await listIds(viewerA))).toEqual(new Set([personal.deliveryId, appLinked.deliveryId]));
    expect(await listIds(viewerB)).toEqual([bOwn.deliveryId]);
    expect(await q.getDelivery({ viewer: viewerB, id: personal.deliveryId })).toBeNull();
    const detail = await q.getDelivery({ viewer: viewerA, id: personal.deliveryId });
    expect(detail).toMatchObject({ access: "own", status: 200, event: "memory", auth: "personal", replayBlockedReason: null });
    expect(JSON.parse(detail!.body!)).toMatchObject({ id: "m1" });
    // The token never appears in what is shown.
    expect(detail!.target).toBe("/api/webhooks/memory/[redacted]?uid=any-uid");
    expect(JSON.stringify(detail)).not.toContain(a.webhookToken);
  });

  it("unlinked uids: only operators see them, as metadata without a body", async () => {
    const unlinked = await sendWebhook("memory", { token: APP_TOKEN, uid: "nobody-linked-this", body: memoryBody("m5") });
    const mine = await sendWebhook("memory", { token: a.webhookToken, uid: a.uid, body: memoryBody("m6") });
    expect(unlinked.status).toBe(200);

    expect(await listIds(viewerA)).toEqual([mine.deliveryId]);
    expect(await listIds(viewerOps)).toEqual([unlinked.deliveryId]);
    const seen = await q.getDelivery({ viewer: viewerOps, id: unlinked.deliveryId });
    expect(seen).toMatchObject({ access: "operator", body: null, status: 200 });
    expect(seen!.replayBlockedReason).toMatch(/operator/);
  });

  it("unauthenticated attempts leave no row; operators see only their count", async () => {
    const { POST } = await import("@/app/api/webhooks/memory/[token]/route");
    const forged = await POST(
      new Request(`http://localhost/api/webhooks/memory/not-a-token?uid=${a.uid}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: memoryBody("m4"),
      }),
      { params: Promise.resolve({ token: "not-a-token" }) },
    );
    expect(forged.status).toBe(401);
    const { flushRefusals } = await import("@/lib/webhooks/refusals");
    await flushRefusals();
    expect(await listIds(viewerA)).toEqual([]);
    expect(await listIds(viewerOps)).toEqual([]);
    const { getDeliveriesOverview } = await import("@/lib/deliveries/overview");
    expect((await getDeliveriesOverview({ viewer: viewerOps })).refusals).toEqual({
      total: 1,
      addresses: [{ address: "unknown", count: 1 }],
    });
    expect((await getDeliveriesOverview({ viewer: viewerA })).refusals).toBeNull();
  });
});

describe("filters and paging", () => {
  it("filters by event, status class, exact status, signature and date", async () => {
    const ok = await sendWebhook("memory", { token: a.webhookToken, uid: "u1", body: memoryBody("f1") });
    const refused = await sendWebhook("memory", { token: a.webhookToken, uid: "u1", body: JSON.stringify({ id: "" }) });
    const badJson = await sendWebhook("day-summary", { token: a.webhookToken, uid: "u1", body: "{not json" });
    const button = await sendWebhook("button", { token: a.webhookToken, uid: "u1", body: JSON.stringify({ type: "press" }) });
    expect([ok.status, refused.status, badJson.status, button.status]).toEqual([200, 422, 400, 200]);

    expect(new Set(await listIds(viewerA, { event: "memory" }))).toEqual(new Set([ok.deliveryId, refused.deliveryId]));
    expect(new Set(await listIds(viewerA, { status: "4xx" }))).toEqual(new Set([refused.deliveryId, badJson.deliveryId]));
    expect(await listIds(viewerA, { status: "422" })).toEqual([refused.deliveryId]);
    expect(new Set(await listIds(viewerA, { status: "2XX" }))).toEqual(new Set([ok.deliveryId, button.deliveryId]));
    expect(await listIds(viewerA, { status: "5xx" })).toEqual([]);
    expect(await listIds(viewerA, { signed: "signed" })).toEqual([]);
    expect(await listIds(viewerA, { signed: "unsigned" })).toHaveLength(4);
    const today = new Date().toISOString().slice(0, 10);
    expect(await listIds(viewerA, { from: today, to: today })).toHaveLength(4);
    expect(await listIds(viewerA, { to: "2020-01-01" })).toEqual([]);
    expect(await listIds(viewerA, { from: "2999-01-01" })).toEqual([]);
  });

  it("refuses bad filter values with a 422-shaped zod error, not a crash", async () => {
    const { deliveryListQuerySchema } = await import("@/lib/api/schemas/deliveries");
    expect(deliveryListQuerySchema.safeParse({ status: "2yy" }).success).toBe(false);
    expect(deliveryListQuerySchema.safeParse({ event: "email" }).success).toBe(false);
    expect(deliveryListQuerySchema.safeParse({ from: "yesterday" }).success).toBe(false);
    expect(deliveryListQuerySchema.safeParse({ limit: "0" }).success).toBe(false);
  });

  it("pages newest first with a keyset cursor, no row twice or missed", async () => {
    const { recordDelivery } = await import("@/lib/webhooks/delivery-log");
    const base = Date.now() - 60_000;
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const id = crypto.randomUUID();
      ids.push(id);
      await recordDelivery({
        id,
        event: "memory",
        uid: "u",
        ownerUserId: a.userId,
        auth: "personal",
        signature: "absent",
        deliveryKey: null,
        status: 200,
        outcome: "stored",
        latencyMs: 1,
        sizeBytes: 2,
        contentType: "application/json",
        target: "/api/webhooks/memory/x?uid=u",
        headers: {},
        response: {},
        // Two share one timestamp: the id breaks the tie.
        receivedAt: new Date(base + Math.min(i, 5) * 1000),
      });
    }
    const { deliveryListQuerySchema } = await import("@/lib/api/schemas/deliveries");
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page++) {
      const list = await q.listDeliveries({ viewer: viewerA, query: deliveryListQuerySchema.parse({ limit: "3", cursor }) });
      seen.push(...list.items.map((i) => i.id));
      if (!list.nextCursor) break;
      cursor = list.nextCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(ids));
    expect(seen.slice(2)).toEqual([ids[4], ids[3], ids[2], ids[1], ids[0]]);
    await expect(q.listDeliveries({ viewer: viewerA, query: deliveryListQuerySchema.parse({ cursor: "garbage" }) })).rejects.toMatchObject({
      code: "bad_request",
    });
  });
});

describe("chart and warnings", () => {
  it("counts successes and failures per hour, every hour present, oldest first", async () => {
    const { recordDelivery } = await import("@/lib/webhooks/delivery-log");
    const now = new Date("2026-05-01T12:30:00Z");
    const at = (iso: string, status: number, owner = a.userId) =>
      recordDelivery({
        id: crypto.randomUUID(),
        event: "realtime",
        uid: "u",
        ownerUserId: owner,
        auth: "personal",
        signature: "absent",
        deliveryKey: null,
        status,
        outcome: status === 200 ? "stored" : "validation_failed",
        latencyMs: 1,
        sizeBytes: 2,
        contentType: "application/json",
        target: "/x",
        headers: {},
        response: {},
        receivedAt: new Date(iso),
      });
    await at("2026-05-01T12:05:00Z", 200);
    await at("2026-05-01T12:10:00Z", 422);
    await at("2026-05-01T12:20:00Z", 200);
    await at("2026-05-01T09:59:59Z", 503);
    await at("2026-04-30T12:00:00Z", 200); // 24 h 30 min ago: outside the window
    await at("2026-05-01T12:00:00Z", 200, b.userId); // someone else's

    const hours = await q.hourlyCounts({ viewer: viewerA, hours: 24, now });
    expect(hours).toHaveLength(24);
    expect(hours[0]!.hour).toBe("2026-04-30T13:00:00.000Z");
    expect(hours[23]).toEqual({ hour: "2026-05-01T12:00:00.000Z", ok: 2, failed: 1 });
    expect(hours[20]).toEqual({ hour: "2026-05-01T09:00:00.000Z", ok: 0, failed: 1 });
    expect(hours.reduce((n, h) => n + h.ok + h.failed, 0)).toBe(4);
  });

  it("counts the latest unbroken run of failed personal-token deliveries per event", async () => {
    await sendWebhook("memory", { token: a.webhookToken, uid: "u1", body: JSON.stringify({ id: "" }) });
    await sendWebhook("memory", { token: a.webhookToken, uid: "u1", body: memoryBody("c1") });
    for (let i = 0; i < 3; i++) await sendWebhook("memory", { token: a.webhookToken, uid: "u1", body: "{" });
    await sendWebhook("button", { token: a.webhookToken, uid: "u1", body: "[]" });
    // App-token failures are not Developer Settings deliveries.
    await sendWebhook("memory", { token: APP_TOKEN, uid: a.uid, body: "{" });

    const runs = await q.consecutiveFailures({ userId: a.userId });
    expect(runs.sort((x, y) => x.event.localeCompare(y.event))).toEqual([
      { event: "button", count: 1 },
      { event: "memory", count: 3 },
    ]);
    expect(await q.consecutiveFailures({ userId: b.userId })).toEqual([]);

    const { getDeliveriesOverview } = await import("@/lib/deliveries/overview");
    const overview = await getDeliveriesOverview({ viewer: viewerA });
    const titles = overview.warnings.map((w) => w.title);
    expect(titles).toContain("Memory webhook: 3 of 100 failures in a row");
    expect(overview.warnings.find((w) => w.id === "no-day-summary")?.message).toMatch(/timezone and a push token/);
    expect(overview.warnings.find((w) => w.id === "no-audio")?.message).toMatch(/only while the phone streams/);
    expect(overview.operator).toBe(false);
  });
});
