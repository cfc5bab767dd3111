/**
 * Omi Developer API sync: connected keys, import/reconcile jobs, Omi's facts, what a
 * reconcile found missing, and the memory lookup by Omi id. Calls to Omi go to a fake
 * Omi started here (the isolation run has no Omi configured).
 */
import { randomBytes } from "node:crypto";
import type { FakeOmi } from "@/scripts/fake-omi/server";
import type { IsolationCase, TestAccount } from "../types";

let fake: FakeOmi | null = null;

/** One fake Omi for the whole run; the app's Omi API base URL points at it. */
async function fakeOmi(): Promise<FakeOmi> {
  if (fake) return fake;
  const { startFakeOmi } = await import("@/scripts/fake-omi/server");
  fake = await startFakeOmi();
  fake.server.unref();
  const { env } = await import("@/lib/env");
  env.OMI_API_URL = fake.url;
  return fake;
}

/** A key of the owner's Omi account, known to the fake Omi. */
async function omiKeyFor(owner: TestAccount): Promise<string> {
  const omi = await fakeOmi();
  const key = `omi_dev_iso${randomBytes(8).toString("hex")}`;
  const res = await fetch(`${omi.url}/__fake/dev/seed`, {
    method: "POST",
    body: JSON.stringify({ key, uid: owner.uid, generate: { conversations: 2, facts: 1 } }),
  });
  if (!res.ok) throw new Error(`fake seed: ${res.status}`);
  return key;
}

async function linkIdOf(owner: TestAccount): Promise<string> {
  const { getLink } = await import("@/lib/auth/linking");
  return (await getLink({ userId: owner.userId, uid: owner.uid }))!.id;
}

/** The owner's link with a connected key (through the real connect, against the fake Omi). */
async function connected(owner: TestAccount): Promise<{ linkId: string }> {
  const { connectKey } = await import("@/lib/omi-sync/keys");
  const linkId = await linkIdOf(owner);
  await connectKey({ userId: owner.userId, linkId, key: await omiKeyFor(owner) });
  return { linkId };
}

async function importJob(owner: TestAccount): Promise<string> {
  const { linkId } = await connected(owner);
  const { startImport } = await import("@/lib/omi-sync/jobs");
  return (await startImport({ userId: owner.userId, linkId })).id;
}

/** The owner's copy of one of Omi's facts, with a unique word. */
async function fact(owner: TestAccount): Promise<{ id: string; word: string }> {
  const { storeFacts } = await import("@/lib/omi-sync/facts");
  const { db } = await import("@/db/client");
  const { omiFacts } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  const word = `zq${randomBytes(4).toString("hex")}`;
  const omiId = `fact-${word}`;
  await storeFacts({
    userId: owner.userId,
    uid: owner.uid,
    facts: [{ id: omiId, content: `Likes ${word}`, category: "interesting" }],
    seenAt: new Date(),
  });
  const [row] = await db.select({ id: omiFacts.id }).from(omiFacts).where(eq(omiFacts.omiId, omiId));
  return { id: row!.id, word };
}

const hasItem =
  (id: string, field = "id") =>
  (body: unknown) =>
    Array.isArray((body as { items?: unknown })?.items) &&
    (body as { items: Record<string, unknown>[] }).items.some((i) => i[field] === id);

const cases: IsolationCase[] = [
  {
    name: "GET /api/v1/omi-sync/links",
    kind: "list",
    handler: () => import("@/app/api/v1/omi-sync/links/route").then((m) => m.GET),
    setup: async (owner) => {
      const { linkId } = await connected(owner);
      return {
        path: "/api/v1/omi-sync/links",
        contains: (body) =>
          ((body as { links?: { linkId: string; connection: unknown }[] }).links ?? []).some((l) => l.linkId === linkId && l.connection),
      };
    },
  },
  {
    name: "PUT /api/v1/omi-sync/links/{linkId} (connect a key)",
    kind: "resource",
    method: "PUT",
    // The key the owner's setup registered last at the fake Omi (the body is the same for every caller).
    body: { key: "omi_dev_isolation_connect" },
    handler: () => import("@/app/api/v1/omi-sync/links/[linkId]/route").then((m) => m.PUT),
    setup: async (owner) => {
      const omi = await fakeOmi();
      await fetch(`${omi.url}/__fake/dev/keys`, {
        method: "POST",
        body: JSON.stringify({ key: "omi_dev_isolation_connect", uid: owner.uid }),
      });
      const linkId = await linkIdOf(owner);
      return { path: `/api/v1/omi-sync/links/${linkId}`, params: { linkId } };
    },
  },
  {
    name: "DELETE /api/v1/omi-sync/links/{linkId} (remove the key)",
    kind: "resource",
    method: "DELETE",
    handler: () => import("@/app/api/v1/omi-sync/links/[linkId]/route").then((m) => m.DELETE),
    setup: async (owner) => {
      const { linkId } = await connected(owner);
      return { path: `/api/v1/omi-sync/links/${linkId}`, params: { linkId } };
    },
  },
  {
    name: "POST /api/v1/omi-sync/links/{linkId}/import",
    kind: "resource",
    method: "POST",
    handler: () => import("@/app/api/v1/omi-sync/links/[linkId]/import/route").then((m) => m.POST),
    setup: async (owner) => {
      const { linkId } = await connected(owner);
      return { path: `/api/v1/omi-sync/links/${linkId}/import`, params: { linkId } };
    },
  },
  {
    name: "POST /api/v1/omi-sync/links/{linkId}/reconcile",
    kind: "resource",
    method: "POST",
    handler: () => import("@/app/api/v1/omi-sync/links/[linkId]/reconcile/route").then((m) => m.POST),
    setup: async (owner) => {
      const { linkId } = await connected(owner);
      return { path: `/api/v1/omi-sync/links/${linkId}/reconcile`, params: { linkId } };
    },
  },
  {
    name: "GET /api/v1/omi-sync/jobs/{id}",
    kind: "resource",
    handler: () => import("@/app/api/v1/omi-sync/jobs/[id]/route").then((m) => m.GET),
    setup: async (owner) => {
      const id = await importJob(owner);
      return { path: `/api/v1/omi-sync/jobs/${id}`, params: { id } };
    },
  },
  {
    name: "POST /api/v1/omi-sync/jobs/{id}/step",
    kind: "resource",
    method: "POST",
    handler: () => import("@/app/api/v1/omi-sync/jobs/[id]/step/route").then((m) => m.POST),
    setup: async (owner) => {
      const id = await importJob(owner);
      return { path: `/api/v1/omi-sync/jobs/${id}/step`, params: { id } };
    },
  },
  {
    name: "POST /api/v1/omi-sync/jobs/{id}/cancel",
    kind: "resource",
    method: "POST",
    handler: () => import("@/app/api/v1/omi-sync/jobs/[id]/cancel/route").then((m) => m.POST),
    setup: async (owner) => {
      const id = await importJob(owner);
      return { path: `/api/v1/omi-sync/jobs/${id}/cancel`, params: { id } };
    },
  },
  {
    name: "GET /api/v1/facts",
    kind: "list",
    handler: () => import("@/app/api/v1/facts/route").then((m) => m.GET),
    setup: async (owner) => {
      const { id } = await fact(owner);
      return { path: "/api/v1/facts", contains: hasItem(id) };
    },
  },
  {
    name: "GET /api/v1/facts?q= (search)",
    kind: "list",
    handler: () => import("@/app/api/v1/facts/route").then((m) => m.GET),
    setup: async (owner) => {
      const { id, word } = await fact(owner);
      return { path: `/api/v1/facts?q=${word}`, contains: hasItem(id) };
    },
  },
  {
    name: "GET /api/v1/deliveries/missed",
    kind: "list",
    handler: () => import("@/app/api/v1/deliveries/missed/route").then((m) => m.GET),
    setup: async (owner) => {
      const { seedMemory } = await import("@/tests/memories/seed");
      const { recordMissing } = await import("@/lib/omi-sync/findings");
      const jobId = await importJob(owner);
      const memoryId = await seedMemory({ uid: owner.uid, title: "Never delivered" });
      const omiId = `conv-${randomBytes(6).toString("hex")}`;
      await recordMissing({ userId: owner.userId, uid: owner.uid, jobId, memoryId, omiId, title: "Never delivered", omiCreatedAt: null });
      return { path: "/api/v1/deliveries/missed", contains: hasItem(omiId, "omiId") };
    },
  },
  {
    name: "GET /api/v1/memories?omiId=",
    kind: "list",
    handler: () => import("@/app/api/v1/memories/route").then((m) => m.GET),
    setup: async (owner) => {
      const { seedMemory } = await import("@/tests/memories/seed");
      const { db } = await import("@/db/client");
      const { memories } = await import("@/db/schema");
      const { eq } = await import("drizzle-orm");
      const id = await seedMemory({ uid: owner.uid, title: "Found by Omi id" });
      const [row] = await db.select({ omiId: memories.omiId }).from(memories).where(eq(memories.id, id));
      return { path: `/api/v1/memories?omiId=${row!.omiId}`, contains: hasItem(id) };
    },
  },
];

export default cases;
