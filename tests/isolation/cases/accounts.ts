/** Accounts: linked uids and personal API tokens. */
import { createApiToken } from "@/lib/accounts/api-tokens";
import { getLink } from "@/lib/auth/linking";
import type { IsolationCase, TestAccount } from "../types";
import { allTokenScopes } from "@/lib/auth/token-scopes";

async function ownLinkId(owner: TestAccount): Promise<string> {
  const link = await getLink({ userId: owner.userId, uid: owner.uid });
  if (!link) throw new Error("test account has no link");
  return link.id;
}

const hasItem = (id: string) => (body: unknown) =>
  Array.isArray((body as { items?: unknown })?.items) && (body as { items: { id: string }[] }).items.some((i) => i.id === id);

const cases: IsolationCase[] = [
  {
    name: "GET /api/v1/links",
    kind: "list",
    handler: () => import("@/app/api/v1/links/route").then((m) => m.GET),
    setup: async (owner) => ({ path: "/api/v1/links", contains: hasItem(await ownLinkId(owner)) }),
  },
  {
    name: "GET /api/v1/links/{id}",
    kind: "resource",
    handler: () => import("@/app/api/v1/links/[id]/route").then((m) => m.GET),
    setup: async (owner) => {
      const id = await ownLinkId(owner);
      return { path: `/api/v1/links/${id}`, params: { id } };
    },
  },
  {
    name: "PATCH /api/v1/links/{id}",
    kind: "resource",
    method: "PATCH",
    body: { nickname: "renamed" },
    handler: () => import("@/app/api/v1/links/[id]/route").then((m) => m.PATCH),
    setup: async (owner) => {
      const id = await ownLinkId(owner);
      return { path: `/api/v1/links/${id}`, params: { id } };
    },
  },
  {
    name: "POST /api/v1/links/{id}/verify",
    kind: "resource",
    method: "POST",
    body: { code: "123456" },
    handler: () => import("@/app/api/v1/links/[id]/verify/route").then((m) => m.POST),
    setup: async (owner) => {
      const id = await ownLinkId(owner);
      return { path: `/api/v1/links/${id}/verify`, params: { id } };
    },
  },
  {
    name: "DELETE /api/v1/links/{id}",
    kind: "resource",
    method: "DELETE",
    handler: () => import("@/app/api/v1/links/[id]/route").then((m) => m.DELETE),
    setup: async (owner) => {
      const id = await ownLinkId(owner);
      return { path: `/api/v1/links/${id}`, params: { id } };
    },
  },
  {
    name: "GET /api/v1/tokens",
    kind: "list",
    handler: () => import("@/app/api/v1/tokens/route").then((m) => m.GET),
    setup: async (owner) => {
      const { item } = await createApiToken({ userId: owner.userId, name: "listed", scopes: allTokenScopes });
      return { path: "/api/v1/tokens", contains: hasItem(item.id) };
    },
  },
  {
    name: "DELETE /api/v1/tokens/{id}",
    kind: "resource",
    method: "DELETE",
    handler: () => import("@/app/api/v1/tokens/[id]/route").then((m) => m.DELETE),
    setup: async (owner) => {
      const { item } = await createApiToken({ userId: owner.userId, name: "to revoke", scopes: allTokenScopes });
      return { path: `/api/v1/tokens/${item.id}`, params: { id: item.id } };
    },
  },
];

export default cases;
