/**
 * Retention: deliveries (and their delivery keys) older than DELIVERY_RETENTION_DAYS
 * are removed by the scheduled job, recent ones kept; the cron route refuses anyone
 * without CRON_SECRET.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { resetTables, useTestDb } from "../db";

process.env.DELIVERY_RETENTION_DAYS = "7";
process.env.CRON_SECRET = "cron-test-secret";
useTestDb();

beforeEach(() => resetTables());

const day = 86_400_000;

async function seed(ageDays: number): Promise<string> {
  const { recordDelivery } = await import("@/lib/webhooks/delivery-log");
  const { db } = await import("@/db/client");
  const { deliveryKeys } = await import("@/db/schema");
  const id = crypto.randomUUID();
  const at = new Date(Date.now() - ageDays * day);
  const ok = await recordDelivery({
    id,
    event: "memory",
    uid: "u",
    ownerUserId: null,
    auth: "app",
    signature: "absent",
    deliveryKey: `key-${id}`,
    status: 200,
    outcome: "stored",
    latencyMs: 1,
    sizeBytes: 2,
    contentType: "application/json",
    target: "/api/webhooks/memory?uid=u",
    headers: {},
    body: "{}",
    response: {},
    receivedAt: at,
  });
  expect(ok).toBe(true);
  await db.insert(deliveryKeys).values({ event: "memory", uid: "u", ownerUserId: null, key: `key-${id}`, deliveryId: id, createdAt: at });
  return id;
}

async function remaining() {
  const { db } = await import("@/db/client");
  const { deliveries, deliveryKeys } = await import("@/db/schema");
  return {
    deliveries: (await db.select({ id: deliveries.id }).from(deliveries)).map((r) => r.id).sort(),
    keys: (await db.select({ id: deliveryKeys.deliveryId }).from(deliveryKeys)).map((r) => r.id).sort(),
  };
}

describe("pruning", () => {
  it("removes deliveries and delivery keys older than the retention, keeps recent ones", async () => {
    const old = await seed(8);
    const older = await seed(40);
    const recent = await seed(6);
    const fresh = await seed(0);
    const { runMaintenance } = await import("@/lib/maintenance");
    const result = await runMaintenance();
    expect(result.deliveriesDeleted).toBe(2);
    const left = await remaining();
    expect(left.deliveries).toEqual([recent, fresh].sort());
    expect(left.keys).toEqual([recent, fresh].sort());
    expect(left.deliveries).not.toContain(old);
    expect(left.deliveries).not.toContain(older);
    // Nothing left to do: a second run deletes nothing.
    expect((await runMaintenance()).deliveriesDeleted).toBe(0);
  });

  it("the cron route refuses without the secret and runs the job with it", async () => {
    await seed(30);
    const { GET } = await import("@/app/api/cron/maintenance/route");
    const call = (auth?: string) =>
      GET(new Request("http://localhost/api/cron/maintenance", { headers: auth ? { authorization: auth } : {} }));

    for (const auth of [undefined, "Bearer wrong-secret", "cron-test-secret", "Basic Y3Jvbi10ZXN0LXNlY3JldA=="]) {
      const res = await call(auth);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: "unauthorized" } });
    }
    expect((await remaining()).deliveries).toHaveLength(1);

    const ok = await call("Bearer cron-test-secret");
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, deliveriesDeleted: 1 });
    expect((await remaining()).deliveries).toHaveLength(0);
  });
});
