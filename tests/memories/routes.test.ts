import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { omiLinks, users } from "@/db/schema";
import { GET as listItems } from "@/app/api/v1/action-items/route";
import { PATCH } from "@/app/api/v1/action-items/[id]/route";
import { GET as list } from "@/app/api/v1/memories/route";
import { GET as detail } from "@/app/api/v1/memories/[id]/route";
import { GET as exportOne } from "@/app/api/v1/memories/[id]/export/route";
import { createApiToken } from "@/lib/accounts/api-tokens";
import { memoryDetailSchema, memoryListSchema } from "@/lib/api/schemas/memories";
import { resetTables, useTestDb } from "@/tests/db";
import { seedMemory } from "./seed";
import { allTokenScopes } from "@/lib/auth/token-scopes";

useTestDb();

const base = "http://hub.test";
const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const get = (path: string, token: string) => new Request(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });

async function account(email: string, uid: string) {
  const [user] = await db.insert(users).values({ email }).returning({ id: users.id });
  await db.insert(omiLinks).values({ userId: user!.id, uid, status: "verified" });
  const { token } = await createApiToken({ userId: user!.id, name: "test", scopes: allTokenScopes });
  return { userId: user!.id, token, uid };
}

describe("memories API", () => {
  let alice: Awaited<ReturnType<typeof account>>;
  let bob: Awaited<ReturnType<typeof account>>;
  let memoryId: string;
  beforeEach(async () => {
    await resetTables();
    alice = await account("alice@example.test", "uid-a");
    bob = await account("bob@example.test", "uid-b");
    memoryId = await seedMemory({
      uid: "uid-a",
      title: "Launch plan: Q2",
      overview: "We planned the launch.",
      raw: { id: "omi-x", structured: { title: "Launch plan: Q2", sections: [{ heading: "Plan", body_markdown: "- ship it" }] } },
      segments: [{ text: "Let's ship on Friday.", speakerName: "Alex", isUser: true }],
      actionItems: [{ description: "Write the release notes" }],
    });
  });

  it("lists with camelCase fields and the {items, nextCursor} shape", async () => {
    const res = await list(get("/api/v1/memories?limit=10", alice.token), ctx());
    expect(res.status).toBe(200);
    const body = memoryListSchema.parse(await res.json());
    expect(body.items[0]).toMatchObject({ id: memoryId, uid: "uid-a", title: "Launch plan: Q2", actionItemCount: 1, discarded: false });
    expect(body.nextCursor).toBeNull();
  });

  it("answers bad input with 400/422 JSON, never 500", async () => {
    for (const [path, status] of [
      ["/api/v1/memories?cursor=%%%", 400],
      ["/api/v1/memories?cursor=eyJrIjoibCJ9", 400],
      ["/api/v1/memories?limit=0", 422],
      ["/api/v1/memories?limit=abc", 422],
      ["/api/v1/memories?from=yesterday", 422],
      ["/api/v1/memories?discarded=maybe", 422],
    ] as const) {
      const res = await list(get(path, alice.token), ctx());
      expect(res.status, path).toBe(status);
      expect((await res.json()) as unknown).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    }
    const anonymous = await list(new Request(`${base}/api/v1/memories`), ctx());
    expect(anonymous.status).toBe(401);
  });

  it("returns the detail with transcriptSegments, actionItems and omi; another account gets 404", async () => {
    const res = await detail(get(`/api/v1/memories/${memoryId}`, alice.token), ctx({ id: memoryId }));
    expect(res.status).toBe(200);
    const body = memoryDetailSchema.parse(await res.json());
    expect(body.transcriptSegments[0]?.text).toBe("Let's ship on Friday.");
    expect(body.actionItems[0]?.description).toBe("Write the release notes");
    expect(body.omi).toMatchObject({ id: "omi-x" });
    const other = await detail(get(`/api/v1/memories/${memoryId}`, bob.token), ctx({ id: memoryId }));
    expect(other.status).toBe(404);
  });

  it("exports Markdown and JSON as downloads", async () => {
    const md = await exportOne(get(`/api/v1/memories/${memoryId}/export?format=md`, alice.token), ctx({ id: memoryId }));
    expect(md.status).toBe(200);
    expect(md.headers.get("content-type")).toContain("text/markdown");
    expect(md.headers.get("content-disposition")).toMatch(/attachment; filename="\d{4}-\d{2}-\d{2}-launch-plan-q2\.md"/);
    const text = await md.text();
    expect(text).toContain("# 🧠 Launch plan: Q2");
    expect(text).toContain("## Plan\n\n- ship it");
    expect(text).toContain("- [ ] Write the release notes");
    expect(text).toContain("**Alex** [0:00]: Let's ship on Friday.");
    const json = await exportOne(get(`/api/v1/memories/${memoryId}/export?format=json`, alice.token), ctx({ id: memoryId }));
    expect(memoryDetailSchema.parse(await json.json()).id).toBe(memoryId);
    const bad = await exportOne(get(`/api/v1/memories/${memoryId}/export?format=pdf`, alice.token), ctx({ id: memoryId }));
    expect(bad.status).toBe(422);
    const other = await exportOne(get(`/api/v1/memories/${memoryId}/export`, bob.token), ctx({ id: memoryId }));
    expect(other.status).toBe(404);
  });

  it("ticks an action item with PATCH; another account gets 404; bad bodies 422", async () => {
    const items = (await (await listItems(get("/api/v1/action-items?status=open", alice.token), ctx())).json()) as {
      items: { id: string }[];
    };
    const id = items.items[0]!.id;
    const patch = (token: string, body: unknown) =>
      PATCH(
        new Request(`${base}/api/v1/action-items/${id}`, {
          method: "PATCH",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
        ctx({ id }),
      );
    expect((await patch(bob.token, { completed: true })).status).toBe(404);
    expect((await patch(alice.token, { completed: "yes" })).status).toBe(422);
    const ok = await patch(alice.token, { completed: true });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ id, completed: true, completedLocal: true });
    const open = (await (await listItems(get("/api/v1/action-items?status=open", alice.token), ctx())).json()) as { items: unknown[] };
    expect(open.items).toHaveLength(0);
  });
});
