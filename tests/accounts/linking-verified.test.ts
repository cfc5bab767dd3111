/** Linking with Omi API credentials (against the fake Omi API): unverified links and codes. */
import { sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { resetTables, useTestDb } from "../db";
import * as dbClient from "@/db/client";
import * as users from "@/lib/accounts/users";
import * as linking from "@/lib/auth/linking";
import * as scope from "@/lib/auth/scope";

// lib/env reads process.env once, on first import: start the fake and point env at it
// before any import above runs (vi.hoisted goes first).
const fake = await vi.hoisted(async () => {
  const { startFakeOmi } = await import("@/scripts/fake-omi/server");
  const started = await startFakeOmi({ appId: "test-app", apiKey: "test-secret" });
  process.env.OMI_API_URL = started.url;
  process.env.OMI_APP_ID = "test-app";
  process.env.OMI_APP_SECRET = "test-secret";
  return started;
});

useTestDb();
afterAll(() => fake.close());
beforeEach(async () => {
  await resetTables();
  await fetch(`${fake.url}/__fake/reset`);
});

let n = 0;
const newUser = () => users.createUser({ email: `user${++n}@example.test`, password: "password-123" });
const lastCode = (uid: string) => {
  const sent = fake.notifications.filter((m) => m.uid === uid).at(-1);
  const match = /Your Omi Hub code: (\d{6})/.exec(sent?.message ?? "");
  if (!match) throw new Error(`no code was pushed to ${uid}`);
  return match[1]!;
};
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");
const ageCode = (id: string, seconds: number) =>
  dbClient.rows(sql`update omi_links set code_sent_at = code_sent_at - make_interval(secs => ${seconds}) where id = ${id}`);

describe("linking with Omi credentials", () => {
  it("starts unverified (setup completed at once), pushes a code, refuses a wrong one and verifies the right one", async () => {
    const user = await newUser();
    expect(await linking.isSetupCompleted("U1")).toBe(false);
    const link = await linking.startLink({ userId: user.id, uid: "U1" });
    expect(link.status).toBe("unverified");
    expect(link.code.state).toBe("sent");
    expect(await linking.isSetupCompleted("U1")).toBe(true);
    // Unverified: sees nothing.
    expect((await scope.scopeFor(user.id)).uids).toEqual([]);

    const code = lastCode("U1");
    await expect(linking.verifyLinkCode({ userId: user.id, uid: "U1", code: wrong(code) })).rejects.toThrow(/not right\. 4 tries left/);
    const verified = await linking.verifyLinkCode({ userId: user.id, uid: "U1", code });
    expect(verified.status).toBe("verified");
    expect((await scope.scopeFor(user.id)).uids).toEqual(["U1"]);
  });

  it("a trusted link left from before credentials were set proves nothing: it shows as unverified and a code replaces it", async () => {
    const [squatter, owner] = [await newUser(), await newUser()];
    const { omiLinks } = await import("@/db/schema");
    await dbClient.db.insert(omiLinks).values({ userId: squatter.id, uid: "U9", status: "trusted", verifiedAt: new Date() });
    expect((await linking.listLinks({ userId: squatter.id }))[0]!.status).toBe("unverified");
    expect((await scope.scopeFor(squatter.id)).uids).toEqual([]);
    const { mayNotify } = await import("@/lib/notify/targets");
    expect(await mayNotify({ userId: squatter.id, uid: "U9" })).toBe(false);

    expect(await linking.linkability({ userId: owner.id, uid: "U9" })).toBe("available");
    await linking.startLink({ userId: owner.id, uid: "U9" });
    await linking.verifyLinkCode({ userId: owner.id, uid: "U9", code: lastCode("U9") });
    expect(await linking.listLinks({ userId: squatter.id })).toEqual([]);
    expect(await mayNotify({ userId: owner.id, uid: "U9" })).toBe(true);
  });

  it("allows five tries per code, then asks for a new code", async () => {
    const user = await newUser();
    await linking.startLink({ userId: user.id, uid: "U2" });
    const code = lastCode("U2");
    for (let i = 0; i < 5; i++) {
      await expect(linking.verifyLinkCode({ userId: user.id, uid: "U2", code: wrong(code) })).rejects.toThrow(/not right/);
    }
    await expect(linking.verifyLinkCode({ userId: user.id, uid: "U2", code })).rejects.toThrow(/Too many wrong codes/);
    const link = (await linking.getLink({ userId: user.id, uid: "U2" }))!;
    await ageCode(link.id, 60);
    await linking.sendLinkCode({ userId: user.id, uid: "U2" });
    expect((await linking.verifyLinkCode({ userId: user.id, uid: "U2", code: lastCode("U2") })).status).toBe("verified");
  });

  it("refuses an expired code", async () => {
    const user = await newUser();
    const link = await linking.startLink({ userId: user.id, uid: "U3" });
    await dbClient.rows(sql`update omi_links set code_expires_at = now() - interval '1 second' where id = ${link.id}`);
    await expect(linking.verifyLinkCode({ userId: user.id, uid: "U3", code: lastCode("U3") })).rejects.toThrow(/expired/);
  });

  it("does not let a pending link block others; a verified link replaces the unverified ones and refuses later claims", async () => {
    const [a, b, c] = [await newUser(), await newUser(), await newUser()];
    await linking.startLink({ userId: a.id, uid: "U4" });
    const codeForA = lastCode("U4");
    await linking.startLink({ userId: b.id, uid: "U4" });
    const codeForB = lastCode("U4");
    expect(codeForB).not.toBe(codeForA);

    expect((await linking.verifyLinkCode({ userId: b.id, uid: "U4", code: codeForB })).status).toBe("verified");
    expect(await linking.getLink({ userId: a.id, uid: "U4" })).toBeNull();
    await expect(linking.startLink({ userId: c.id, uid: "U4" })).rejects.toThrow(/already linked to another Omi Hub account/);
    expect(await linking.linkability({ userId: c.id, uid: "U4" })).toBe("refused");
    expect(await linking.linkability({ userId: b.id, uid: "U4" })).toBe("linked");
  });

  it("says when Omi has not enabled the app yet, retries automatically, and never re-sends a code that arrived", async () => {
    const user = await newUser();
    await fetch(`${fake.url}/__fake/disable?uid=U5`);
    const first = await linking.startLink({ userId: user.id, uid: "U5" });
    expect(first.code).toMatchObject({ state: "failed", notEnabled: true });
    await expect(linking.verifyLinkCode({ userId: user.id, uid: "U5", code: "000000" })).rejects.toThrow(/No code has reached/);

    await fetch(`${fake.url}/__fake/enable?uid=U5`);
    const retried = await linking.sendLinkCode({ userId: user.id, uid: "U5", automatic: true });
    expect(retried.code.state).toBe("sent");
    const again = await linking.sendLinkCode({ userId: user.id, uid: "U5", automatic: true });
    expect(again.code.state).toBe("sent");
    expect(fake.notifications.filter((m) => m.uid === "U5")).toHaveLength(1);
    // By hand, too soon after a delivered code:
    await expect(linking.sendLinkCode({ userId: user.id, uid: "U5" })).rejects.toThrow(/Wait \d+ seconds/);
  });

  it("masks uids", () => {
    expect(linking.maskUid("abcdefghijklmnop")).toBe("abcd…mnop");
    expect(linking.maskUid("abc")).toBe("ab…bc");
  });
});
