/**
 * The read API tells Omi's ids and keeps Omi's microseconds: a memory delivered by the
 * real webhook route comes back with `omiId`, is found by `?omiId=`, and its typed
 * times carry the microseconds Omi sent (the payload keeps them; JS Dates do not).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../db";
import { APP_TOKEN, fixtureJson, send, setWebhookEnv, UID } from "../webhooks/harness";

setWebhookEnv();
useTestDb();

let owner: { token: string };
let stranger: { token: string };

/** An account with a VERIFIED link to `uid` (the link that shows the uid's app-token rows). */
async function account(uid: string) {
  const { createUser } = await import("@/lib/accounts/users");
  const { createApiToken } = await import("@/lib/accounts/api-tokens");
  const { allTokenScopes } = await import("@/lib/auth/token-scopes");
  const { db } = await import("@/db/client");
  const { omiLinks } = await import("@/db/schema");
  const user = await createUser({ email: `${uid}@example.test`, password: "password-123" });
  await db.insert(omiLinks).values({ userId: user.id, uid, status: "verified", verifiedAt: new Date() });
  return { token: (await createApiToken({ userId: user.id, name: "t", scopes: allTokenScopes })).token };
}

async function get(path: string, token: string) {
  const url = new URL(`http://localhost${path}`);
  const mod =
    url.pathname === "/api/v1/memories" ? await import("@/app/api/v1/memories/route") : await import("@/app/api/v1/memories/[id]/route");
  const id = url.pathname.split("/")[4];
  const res = await mod.GET(new Request(url, { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve(id ? { id } : {}),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { items: Record<string, unknown>[] } };
}

beforeAll(async () => {
  owner = await account(UID);
  stranger = await account("someone-else");
  const sent = await send("memory", { pathToken: APP_TOKEN, body: JSON.stringify(fixtureJson("memory-created.json")) });
  expect(sent.status).toBe(200);
});

describe("read API: omiId and microseconds", () => {
  const omiId = "6f1c2d9e-4b7a-4f3e-9c21-8d5a7b3e0f42";

  it("GET /api/v1/memories?omiId= finds the memory, with Omi's microseconds in its times", async () => {
    const { status, body } = await get(`/api/v1/memories?omiId=${omiId}`, owner.token);
    expect(status).toBe(200);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      omiId,
      startedAt: "2026-03-12T16:41:03.120554Z",
      finishedAt: "2026-03-12T17:04:58.907311Z",
      createdAt: "2026-03-12T17:05:12.418263Z",
      listedAt: "2026-03-12T16:41:03.120554Z",
    });
  });

  it("the detail carries the same times, and action items their Omi id once known (null until then)", async () => {
    const list = await get(`/api/v1/memories?omiId=${omiId}`, owner.token);
    const { body } = await get(`/api/v1/memories/${list.body.items[0]!.id as string}`, owner.token);
    expect(body).toMatchObject({ omiId, startedAt: "2026-03-12T16:41:03.120554Z" });
    expect((body.actionItems as Record<string, unknown>[])[0]).toMatchObject({
      omiId: null,
      dueAt: "2026-03-12T23:59:00.000Z",
      omiSync: null,
      lastChange: null,
    });
  });

  it("another account's omiId finds nothing; an unknown one nothing", async () => {
    expect((await get(`/api/v1/memories?omiId=${omiId}`, stranger.token)).body.items).toEqual([]);
    expect((await get(`/api/v1/memories?omiId=nope`, owner.token)).body.items).toEqual([]);
    expect((await get(`/api/v1/memories?omiId=${"x".repeat(201)}`, owner.token)).status).toBe(422);
  });
});
