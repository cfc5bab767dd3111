/**
 * Sign-in limits that an attacker cannot turn against the owner, and the client address
 * they are keyed by (never a raw X-Forwarded-For).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { createUser } from "@/lib/accounts/users";
import { authenticatePassword, signInLimits } from "@/lib/auth/credentials";
import { clientAddress } from "@/lib/http/client-address";
import { resetTables, useTestDb } from "../db";

useTestDb();
beforeEach(() => resetTables());

const X = "203.0.113.7";
const Y = "198.51.100.20";

describe("sign-in limits", () => {
  it("a burst of wrong passwords from one address does not lock the owner out from another", async () => {
    const user = await createUser({ email: "owner@example.test", password: "the-right-password" });
    for (let i = 0; i < 10; i++) {
      expect(await authenticatePassword({ email: user.email, password: `guess-${i}`, address: X })).toEqual({
        ok: false,
        reason: "wrong_credentials",
      });
    }
    // From X the pair is used up, even with the right password (guessing stays slow)...
    expect(await authenticatePassword({ email: user.email, password: "the-right-password", address: X })).toEqual({
      ok: false,
      reason: "rate_limited",
    });
    // ...while the owner, from their own address, signs in.
    expect((await authenticatePassword({ email: user.email, password: "the-right-password", address: Y })).ok).toBe(true);
  });

  it("limits one address across many emails", async () => {
    for (let i = 0; i < signInLimits.perAddress.max; i++) {
      expect((await authenticatePassword({ email: `nobody${i}@example.test`, password: "x", address: X })).ok).toBe(false);
    }
    expect(await authenticatePassword({ email: "another@example.test", password: "x", address: X })).toEqual({
      ok: false,
      reason: "rate_limited",
    });
    expect(await authenticatePassword({ email: "another@example.test", password: "x", address: Y })).toEqual({
      ok: false,
      reason: "wrong_credentials",
    });
  });
});

describe("rate limit counters", () => {
  it("are pruned once their window is long over, and kept while it may still count", async () => {
    const { hit, pruneRateLimits } = await import("@/lib/auth/rate-limit");
    const { rows } = await import("@/db/client");
    const { sql } = await import("drizzle-orm");
    await hit({ key: "old", max: 1, windowSeconds: 60 });
    await hit({ key: "fresh", max: 1, windowSeconds: 60 });
    await rows(sql`update rate_limits set window_start = now() - interval '2 days' where key = 'old'`);
    expect(await pruneRateLimits()).toBe(1);
    expect((await rows<{ key: string }>(sql`select key from rate_limits`)).map((r) => r.key)).toEqual(["fresh"]);
  });
});

describe("clientAddress", () => {
  const h = (headers: Record<string, string>) => new Headers(headers);
  const selfHosted = (hops: number) => ({ vercel: false, trustProxyHops: hops });

  it("trusts no X-Forwarded-For without a configured proxy (the client can write it)", () => {
    expect(clientAddress(h({ "x-forwarded-for": X }), selfHosted(0))).toBeNull();
    expect(clientAddress(h({ "x-vercel-forwarded-for": X, "x-real-ip": X }), selfHosted(0))).toBeNull();
  });

  it("behind N proxies takes the Nth entry from the right, whatever the client prepended", () => {
    expect(clientAddress(h({ "x-forwarded-for": `6.6.6.6, ${X}` }), selfHosted(1))).toBe(X);
    expect(clientAddress(h({ "x-forwarded-for": `6.6.6.6, ${X}, 10.0.0.2` }), selfHosted(2))).toBe(X);
    expect(clientAddress(h({ "x-forwarded-for": X }), selfHosted(2))).toBeNull();
    expect(clientAddress(h({ "x-forwarded-for": "::ffff:203.0.113.7" }), selfHosted(1))).toBe(X);
    expect(clientAddress(h({ "x-forwarded-for": "[2001:DB8::1]:443" }), selfHosted(1))).toBe("2001:db8::1");
    expect(clientAddress(h({ "x-forwarded-for": "not-an-address" }), selfHosted(1))).toBeNull();
  });

  it("on Vercel uses the platform's header, never the client's X-Forwarded-For", () => {
    const vercel = { vercel: true, trustProxyHops: 0 };
    expect(clientAddress(h({ "x-vercel-forwarded-for": X, "x-forwarded-for": "6.6.6.6" }), vercel)).toBe(X);
    expect(clientAddress(h({ "x-real-ip": Y }), vercel)).toBe(Y);
    expect(clientAddress(h({ "x-forwarded-for": "6.6.6.6" }), vercel)).toBeNull();
  });
});
