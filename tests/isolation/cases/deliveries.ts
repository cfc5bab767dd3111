/** Delivery log: list, detail, replay and the chart summary of one account, asked for by another. */
import { postWebhook, uidQuery } from "@/tests/webhooks/sender";
import type { IsolationCase, TestAccount } from "../types";

/** Sends a memory through the owner's real personal webhook URL and returns its delivery log id. */
async function ownDelivery(owner: TestAccount): Promise<string> {
  const body = { id: `iso-${owner.uid}`, structured: { title: "Isolation" } };
  const { status } = await postWebhook("memory", { token: owner.webhookToken, query: uidQuery(owner.uid), body });
  if (status !== 200) throw new Error(`memory webhook answered ${status}`);
  const { db } = await import("@/db/client");
  const { deliveries } = await import("@/db/schema");
  const { desc, eq } = await import("drizzle-orm");
  const [row] = await db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(eq(deliveries.ownerUserId, owner.userId))
    .orderBy(desc(deliveries.receivedAt))
    .limit(1);
  if (!row) throw new Error("no delivery row");
  return row.id;
}

const hasItem = (id: string) => (body: unknown) =>
  Array.isArray((body as { items?: unknown })?.items) && (body as { items: { id: string }[] }).items.some((i) => i.id === id);

const cases: IsolationCase[] = [
  {
    name: "GET /api/v1/deliveries",
    kind: "list",
    handler: () => import("@/app/api/v1/deliveries/route").then((m) => m.GET),
    setup: async (owner) => ({ path: "/api/v1/deliveries", contains: hasItem(await ownDelivery(owner)) }),
  },
  {
    name: "GET /api/v1/deliveries/summary",
    kind: "list",
    handler: () => import("@/app/api/v1/deliveries/summary/route").then((m) => m.GET),
    setup: async (owner) => {
      await ownDelivery(owner);
      return {
        path: "/api/v1/deliveries/summary",
        contains: (body) => (body as { total?: number }).total === 1 && (body as { hours: { ok: number }[] }).hours.some((h) => h.ok > 0),
      };
    },
  },
  {
    name: "GET /api/v1/deliveries/{id}",
    kind: "resource",
    handler: () => import("@/app/api/v1/deliveries/[id]/route").then((m) => m.GET),
    setup: async (owner) => {
      const id = await ownDelivery(owner);
      return { path: `/api/v1/deliveries/${id}`, params: { id } };
    },
  },
  {
    name: "POST /api/v1/deliveries/{id}/replay",
    kind: "resource",
    method: "POST",
    handler: () => import("@/app/api/v1/deliveries/[id]/replay/route").then((m) => m.POST),
    setup: async (owner) => {
      const id = await ownDelivery(owner);
      return { path: `/api/v1/deliveries/${id}/replay`, params: { id } };
    },
  },
];

export default cases;
