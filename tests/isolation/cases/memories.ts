/** Memories: list, search, detail, export, action items (list and tick), export all, delete my data. */
import { randomUUID } from "node:crypto";
import { getMemory } from "@/lib/memories/queries";
import { seedMemory } from "@/tests/memories/seed";
import type { IsolationCase, TestAccount } from "../types";

/** A memory of the owner's verified uid (app-token row) with a unique word, and its first action item. */
async function ownMemory(owner: TestAccount) {
  const word = `zq${randomUUID().slice(0, 8)}`;
  const id = await seedMemory({
    uid: owner.uid,
    title: `Isolation ${word}`,
    segments: [{ text: `only the owner said ${word}` }],
    actionItems: [{ description: `task ${word}` }],
  });
  const memory = await getMemory({ scope: { userId: owner.userId, uids: [owner.uid] }, id });
  return { id, word, actionItemId: memory!.actionItems[0]!.id };
}

const hasItem = (id: string) => (body: unknown) =>
  Array.isArray((body as { items?: unknown })?.items) && (body as { items: { id: string }[] }).items.some((i) => i.id === id);

const cases: IsolationCase[] = [
  {
    name: "GET /api/v1/memories",
    kind: "list",
    handler: () => import("@/app/api/v1/memories/route").then((m) => m.GET),
    setup: async (owner) => {
      const { id } = await ownMemory(owner);
      return { path: "/api/v1/memories", contains: hasItem(id) };
    },
  },
  {
    name: "GET /api/v1/memories?q= (search)",
    kind: "list",
    handler: () => import("@/app/api/v1/memories/route").then((m) => m.GET),
    setup: async (owner) => {
      const { id, word } = await ownMemory(owner);
      return { path: `/api/v1/memories?q=${word}`, contains: hasItem(id) };
    },
  },
  {
    name: "GET /api/v1/memories/{id}",
    kind: "resource",
    handler: () => import("@/app/api/v1/memories/[id]/route").then((m) => m.GET),
    setup: async (owner) => {
      const { id } = await ownMemory(owner);
      return { path: `/api/v1/memories/${id}`, params: { id } };
    },
  },
  {
    name: "GET /api/v1/memories/{id}/export",
    kind: "resource",
    handler: () => import("@/app/api/v1/memories/[id]/export/route").then((m) => m.GET),
    setup: async (owner) => {
      const { id } = await ownMemory(owner);
      return { path: `/api/v1/memories/${id}/export?format=md`, params: { id } };
    },
  },
  {
    name: "GET /api/v1/action-items",
    kind: "list",
    handler: () => import("@/app/api/v1/action-items/route").then((m) => m.GET),
    setup: async (owner) => {
      const { actionItemId } = await ownMemory(owner);
      return { path: "/api/v1/action-items?status=all", contains: hasItem(actionItemId) };
    },
  },
  {
    name: "PATCH /api/v1/action-items/{id}",
    kind: "resource",
    method: "PATCH",
    body: { completed: true },
    handler: () => import("@/app/api/v1/action-items/[id]/route").then((m) => m.PATCH),
    setup: async (owner) => {
      const { actionItemId } = await ownMemory(owner);
      return { path: `/api/v1/action-items/${actionItemId}`, params: { id: actionItemId } };
    },
  },
  {
    name: "GET /api/v1/data (export all)",
    kind: "list",
    handler: () => import("@/app/api/v1/data/route").then((m) => m.GET),
    setup: async (owner) => {
      const { word } = await ownMemory(owner);
      // Store method: the memory's text is in the archive as it is.
      return { path: "/api/v1/data", contains: (body) => typeof body === "string" && body.includes(word) };
    },
  },
  {
    name: "DELETE /api/v1/data (delete my data)",
    kind: "list",
    method: "DELETE",
    body: { confirm: "DELETE" },
    handler: () => import("@/app/api/v1/data/route").then((m) => m.DELETE),
    setup: async (owner) => {
      await ownMemory(owner);
      // Another account's deletion deletes none of the owner's memories; the owner's deletes one.
      return { path: "/api/v1/data", contains: (body) => ((body as { deleted?: { memories?: number } })?.deleted?.memories ?? 0) > 0 };
    },
  },
];

export default cases;
