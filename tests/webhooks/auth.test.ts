/**
 * Authentication and ownership (docs/ARCHITECTURE.md "Identity and ownership"): app-wide token,
 * personal token, X-Omi-Signature with the personal or app-wide secret, and who each
 * stored row belongs to.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetTables, useTestDb } from "../db";
import { APP_SECRET, database, deliveryOf, fixtureBody, send, setWebhookEnv, UID } from "./harness";

setWebhookEnv();
useTestDb();

let h: Awaited<ReturnType<typeof database>>;
let sign: typeof import("@/lib/omi/signature").signOmiPayload;
let user: { id: string; token: string };
const PERSONAL_SECRET = "whsec_personal_secret";

beforeAll(async () => {
  h = await database();
  sign = (await import("@/lib/omi/signature")).signOmiPayload;
});
beforeEach(async () => {
  await resetTables();
  const { createUser } = await import("@/lib/accounts/users");
  const { getWebhookToken } = await import("@/lib/auth/webhook-tokens");
  const u = await createUser({ email: `auth-${Date.now()}@example.test`, password: "password-123456" });
  user = { id: u.id, token: await getWebhookToken(u.id) };
});

const body = fixtureBody("memory-created.json");

describe("who sent it", () => {
  it("app-wide token: owner null, logged unsigned", async () => {
    const sent = await send("memory", { body });
    expect(sent.status).toBe(200);
    const [m] = await h.db.select().from(h.memories);
    expect(m).toMatchObject({ uid: UID, ownerUserId: null });
    expect(await deliveryOf(sent)).toMatchObject({ auth: "app", signature: "absent", ownerUserId: null });
  });

  it("personal token: every row records the owning account, and no link is created", async () => {
    const sent = await send("memory", { pathToken: user.token, body });
    expect(sent.status).toBe(200);
    const [m] = await h.db.select().from(h.memories);
    expect(m).toMatchObject({ uid: UID, ownerUserId: user.id });
    expect(await deliveryOf(sent)).toMatchObject({ auth: "personal", ownerUserId: user.id });
    expect(JSON.stringify(await deliveryOf(sent))).not.toContain(user.token);

    await send("realtime", { pathToken: user.token, body: fixtureBody("realtime-batch-1.json") });
    await send("day-summary", { pathToken: user.token, body: fixtureBody("day-summary.json") });
    await send("button", { pathToken: user.token, body: "{}" });
    for (const table of [h.transcriptSegments, h.daySummaries, h.buttonEvents]) {
      const rows = await h.db.select().from(table);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.ownerUserId === user.id && r.uid === UID)).toBe(true);
    }
    expect(await h.db.select().from(h.omiLinks)).toHaveLength(0);
  });

  it("the same memory through the app token and a personal token are two records (upsert keys include the owner)", async () => {
    await send("memory", { body });
    await send("memory", { pathToken: user.token, body });
    const all = await h.db.select().from(h.memories);
    expect(all.map((m) => m.ownerUserId).sort()).toEqual([null, user.id].sort());
    expect(all.every((m) => m.revisions === 1)).toBe(true);
  });

  it("personal token + the account's signing secret: valid", async () => {
    const { setSigningSecret } = await import("@/lib/auth/webhook-tokens");
    await setSigningSecret(user.id, PERSONAL_SECRET);
    const sent = await send("memory", {
      pathToken: user.token,
      body,
      headers: { "x-omi-signature": sign({ secret: PERSONAL_SECRET, uid: UID, body }) },
    });
    expect(sent.status).toBe(200);
    expect(await deliveryOf(sent)).toMatchObject({ auth: "personal", signature: "valid" });
  });

  it("personal token signed with the app-wide secret while the account has its own: 401", async () => {
    const { setSigningSecret } = await import("@/lib/auth/webhook-tokens");
    await setSigningSecret(user.id, PERSONAL_SECRET);
    const sent = await send("memory", {
      pathToken: user.token,
      body,
      headers: { "x-omi-signature": sign({ secret: APP_SECRET, uid: UID, body }) },
    });
    expect(sent.status).toBe(401);
    expect(await h.db.select().from(h.memories)).toHaveLength(0);
  });

  it("personal token without a personal secret falls back to the app-wide secret", async () => {
    const sent = await send("memory", {
      pathToken: user.token,
      body,
      headers: { "x-omi-signature": sign({ secret: APP_SECRET, uid: UID, body }) },
    });
    expect(sent.status).toBe(200);
    expect(await deliveryOf(sent)).toMatchObject({ signature: "valid", ownerUserId: user.id });
  });

  it("a valid signature alone (no token) authenticates as the app, owner null", async () => {
    const sent = await send("memory", {
      pathToken: null,
      body,
      headers: { "x-omi-signature": sign({ secret: APP_SECRET, uid: UID, body }) },
    });
    expect(sent.status).toBe(200);
    expect(await deliveryOf(sent)).toMatchObject({ auth: "signature", signature: "valid", ownerUserId: null });
    const [m] = await h.db.select().from(h.memories);
    expect(m?.ownerUserId).toBeNull();
  });

  it("the signature covers the raw bytes: re-serialised JSON does not verify", async () => {
    const header = sign({ secret: APP_SECRET, uid: UID, body });
    const pretty = JSON.stringify(JSON.parse(body), null, 2);
    const sent = await send("memory", { pathToken: null, body: pretty, headers: { "x-omi-signature": header } });
    expect(sent.status).toBe(401);
  });
});
