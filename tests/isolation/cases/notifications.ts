/** Notifications and notification rules: made through the real functions, read by another account. */
import type { IsolationCase, TestAccount } from "../types";

async function notificationOf(owner: TestAccount): Promise<string> {
  const { sendNow } = await import("@/lib/notify/send");
  // No Omi credentials in the isolation run: the row is logged as failed ("not configured"), which is enough to read.
  const row = await sendNow({
    caller: { kind: "account", userId: owner.userId },
    body: { user_id: owner.uid, type: "custom", message: `isolation ${owner.uid}` },
    baseUrl: "http://localhost",
  });
  return row.id;
}

async function ruleOf(owner: TestAccount): Promise<string> {
  const { createRule } = await import("@/lib/notify/queries");
  const { ruleBody } = await import("@/lib/api/schemas/notifications");
  const rule = await createRule({
    userId: owner.userId,
    body: ruleBody.parse({
      name: `rule ${owner.uid}`,
      trigger: { kind: "keyword", keywords: ["x"] },
      scopes: ["transcript"],
      template: "x",
    }),
  });
  return rule.id;
}

const hasItem = (id: string) => (body: unknown) => ((body as { items?: { id: string }[] }).items ?? []).some((i) => i.id === id);

const cases: IsolationCase[] = [
  {
    name: "GET /api/v1/notifications",
    kind: "list",
    handler: () => import("@/app/api/v1/notifications/route").then((m) => m.GET),
    setup: async (owner) => {
      const id = await notificationOf(owner);
      return { path: "/api/v1/notifications", contains: hasItem(id) };
    },
  },
  {
    name: "GET /api/v1/notifications/{id}",
    kind: "resource",
    handler: () => import("@/app/api/v1/notifications/[id]/route").then((m) => m.GET),
    setup: async (owner) => {
      const id = await notificationOf(owner);
      return { path: `/api/v1/notifications/${id}`, params: { id } };
    },
  },
  {
    name: "GET /api/v1/notification-rules",
    kind: "list",
    handler: () => import("@/app/api/v1/notification-rules/route").then((m) => m.GET),
    setup: async (owner) => {
      const id = await ruleOf(owner);
      return { path: "/api/v1/notification-rules", contains: hasItem(id) };
    },
  },
  {
    name: "GET /api/v1/notification-rules/{id}",
    kind: "resource",
    handler: () => import("@/app/api/v1/notification-rules/[id]/route").then((m) => m.GET),
    setup: async (owner) => {
      const id = await ruleOf(owner);
      return { path: `/api/v1/notification-rules/${id}`, params: { id } };
    },
  },
  {
    name: "PATCH /api/v1/notification-rules/{id}",
    kind: "resource",
    method: "PATCH",
    body: { enabled: false },
    handler: () => import("@/app/api/v1/notification-rules/[id]/route").then((m) => m.PATCH),
    setup: async (owner) => {
      const id = await ruleOf(owner);
      return { path: `/api/v1/notification-rules/${id}`, params: { id } };
    },
  },
];

export default cases;
