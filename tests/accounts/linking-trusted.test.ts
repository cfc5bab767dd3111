/** Linking without Omi API credentials (tests/setup-env.ts leaves OMI_* unset): trusted links. */
import { beforeEach, describe, expect, it } from "vitest";
import { createUser } from "@/lib/accounts/users";
import { isSetupCompleted, linkability, listLinks, renameLink, startLink, unlink } from "@/lib/auth/linking";
import { scopeFor } from "@/lib/auth/scope";
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
    expect((await scopeFor(a.id)).uids).toEqual(["T1"]);
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

  it("rejects uids that are empty or too long", async () => {
    const a = await newUser();
    await expect(startLink({ userId: a.id, uid: " " })).rejects.toThrow();
    await expect(startLink({ userId: a.id, uid: "x".repeat(500) })).rejects.toThrow();
  });
});
