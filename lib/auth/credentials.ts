/**
 * Email + password check with attempt limits that an attacker cannot turn against the
 * account's owner: wrong passwords are counted per (email, client address) pair, and
 * every attempt per address. A burst of guesses from one address therefore slows only
 * that address; the owner signs in from theirs. Addresses come from lib/http/client-address.ts
 * (never a raw X-Forwarded-For); where the address is unknown (no trusted proxy configured)
 * all clients share one address and the pair limit acts as a per-email limit.
 */
import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { type User, users } from "@/db/schema";
import { log } from "@/lib/log";
import { verifyPassword } from "./password";
import { hit, reset } from "./rate-limit";

const input = z.object({ email: z.string().trim().toLowerCase().email().max(320), password: z.string().min(1).max(200) });

export const signInLimits = {
  perEmailAndAddress: { max: 10, windowSeconds: 15 * 60 },
  perAddress: { max: 50, windowSeconds: 15 * 60 },
} as const;

export type PasswordResult = { ok: true; user: User } | { ok: false; reason: "wrong_credentials" | "rate_limited" };

let warnedUnknownAddress = false;

/** `address`: the client's address, or null when it cannot be known (see lib/http/client-address.ts). */
export async function authenticatePassword(raw: { email: unknown; password: unknown; address: string | null }): Promise<PasswordResult> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "wrong_credentials" };
  const { email, password } = parsed.data;
  if (raw.address === null && !warnedUnknownAddress) {
    warnedUnknownAddress = true;
    log.warn(
      "sign-in: client addresses are unknown, so failed attempts are limited per email; behind a proxy or tunnel set TRUST_PROXY_HOPS",
    );
  }
  const address = raw.address ?? "unknown";
  const pairKey = `signin:pair:${address}:${email}`;
  const [byPair, byAddress] = await Promise.all([
    hit({ key: pairKey, ...signInLimits.perEmailAndAddress }),
    // One shared "unknown" address must not let one client lock everyone out.
    raw.address === null ? { allowed: true } : hit({ key: `signin:address:${address}`, ...signInLimits.perAddress }),
  ]);
  if (!byPair.allowed || !byAddress.allowed) return { ok: false, reason: "rate_limited" };
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  if (!(await verifyPassword(password, user?.passwordHash)) || !user) return { ok: false, reason: "wrong_credentials" };
  await reset(pairKey);
  return { ok: true, user };
}
