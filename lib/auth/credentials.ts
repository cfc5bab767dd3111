/** Email + password check with per-email and per-IP attempt limits. */
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { type User, users } from "@/db/schema";
import { verifyPassword } from "./password";
import { hit, reset } from "./rate-limit";

const input = z.object({ email: z.string().trim().toLowerCase().email().max(320), password: z.string().min(1).max(200) });

export const signInLimits = {
  perEmail: { max: 10, windowSeconds: 15 * 60 },
  perIp: { max: 50, windowSeconds: 15 * 60 },
} as const;

export type PasswordResult = { ok: true; user: User } | { ok: false; reason: "wrong_credentials" | "rate_limited" };

export async function authenticatePassword(raw: { email: unknown; password: unknown; ip: string }): Promise<PasswordResult> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "wrong_credentials" };
  const { email, password } = parsed.data;
  const [byEmail, byIp] = await Promise.all([
    hit({ key: `signin:email:${email}`, ...signInLimits.perEmail }),
    hit({ key: `signin:ip:${raw.ip}`, ...signInLimits.perIp }),
  ]);
  if (!byEmail.allowed || !byIp.allowed) return { ok: false, reason: "rate_limited" };
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  if (!(await verifyPassword(password, user?.passwordHash)) || !user) return { ok: false, reason: "wrong_credentials" };
  await reset(`signin:email:${email}`);
  return { ok: true, user };
}
