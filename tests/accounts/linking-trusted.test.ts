/** Linking without Omi API credentials (tests/setup-env.ts leaves OMI_* unset): trusted links. */
import { beforeEach, describe, expect, it } from "vitest";
import { createUser } from "@/lib/accounts/users";
import { isSetupCompleted, linkability, listLinks, renameLink, startLink, unlink } from "@/lib/auth/linking";
import { scopeFor } from "@/lib/auth/scope";
import { ingestRealtime } from "@/lib/ingest/realtime";
import { listSessions, sessionSegments } from "@/lib/live/queries";
import { mayNotify } from "@/lib/notify/targets";
import { resetTables, useTestDb } from "../db";

useTestDb();
beforeEach(() => resetTables());

let n = 0;
const newUser = () => createUser({ email: `trusted${++n}@example.test`, password: "password-123" });

describe("linking without Omi credentials", () => {
  it("trusts the first link at once and refuses a second account", async () => {
    const [a, b] = [await newUser(), await newUser()];
    const link = await startLink({ userId: a.id, uid: "T1" });
    expect(link.status).toBe("trusted");
    expect(await isSetupCompleted("T1")).toBe(true);
    // Trusted proves nothing: it grants no app-token rows, only notifications to the uid.
    expect((await scopeFor(a.id)).uids).toEqual([]);
    expect(await mayNotify({ userId: a.id, uid: "T1" })).toBe(true);
    expect(await mayNotify({ userId: b.id, uid: "T1" })).toBe(false);
    await expect(startLink({ userId: b.id, uid: "T1" })).rejects.toThrow(/already linked to another Omi Hub account/);
    expect(await linkability({ userId: b.id, uid: "T1" })).toBe("refused");
    // Linking again is harmless.
    expect((await startLink({ userId: a.id, uid: "T1" })).id).toBe(link.id);
  });

  it("renames and unlinks only the account's own links", async () => {
    const [a, b] = [await newUser(), await newUser()];
    const link = await startLink({ userId: a.id, uid: "T2" });
    await expect(renameLink({ userId: b.id, id: link.id, nickname: "x" })).rejects.toThrow(/not found/);
    expect((await renameLink({ userId: a.id, id: link.id, nickname: "  Work pendant " })).nickname).toBe("Work pendant");
    await expect(unlink({ userId: b.id, id: link.id })).rejects.toThrow(/not found/);
    await unlink({ userId: a.id, id: link.id });
    expect(await listLinks({ userId: a.id })).toEqual([]);
    expect(await isSetupCompleted("T2")).toBe(false);
    // Now free for someone else.
    expect((await startLink({ userId: b.id, uid: "T2" })).status).toBe("trusted");
  });

  it("reveals nothing beyond the account's own personal-token data", async () => {
    const a = await newUser();
    await startLink({ userId: a.id, uid: "T3" });
    const ingest = (ownerUserId: string | null, text: string) =>
      ingestRealtime(
        { uid: "T3", ownerUserId, receivedAt: new Date() },
        { segments: [{ id: text, text, is_user: true, start: 0, end: 1 }] },
      );
    // Rows with no owner: what an app token (a published app) would have stored for T3,
    // e.g. before the server lost its Omi credentials. The trusted link must not open them.
    await ingest(null, "app-token line");
    await ingest(a.id, "own line");
    const scope = await scopeFor(a.id);
    const sessions = await listSessions({ scope });
    expect(sessions).toHaveLength(1);
    expect((await sessionSegments({ scope, sessionId: sessions[0]!.id }))?.map((s) => s.text)).toEqual(["own line"]);
  });

  it("rejects uids that are empty or too long", async () => {
    const a = await newUser();
    await expect(startLink({ userId: a.id, uid: " " })).rejects.toThrow();
    await expect(startLink({ userId: a.id, uid: "x".repeat(500) })).rejects.toThrow();
  });
});
