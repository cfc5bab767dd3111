/** Creating accounts and changing passwords (sign-up form and the operator CLI). */
import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { type User, users } from "@/db/schema";
import { AppError } from "@/lib/api/errors";
import { hashPassword, passwordRule } from "@/lib/auth/password";

export const emailSchema = z.string().trim().toLowerCase().email("Enter a valid email address").max(320);
export const passwordSchema = z
  .string()
  .min(passwordRule.min, `Use at least ${passwordRule.min} characters`)
  .max(passwordRule.max, `Use at most ${passwordRule.max} characters`);

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export async function createUser({ email, password, timeZone }: { email: string; password: string; timeZone?: string }): Promise<User> {
  const zone = timeZone && isTimeZone(timeZone) ? timeZone : "UTC";
  try {
    const [user] = await db
      .insert(users)
      .values({ email, passwordHash: await hashPassword(password), timeZone: zone })
      .returning();
    return user!;
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("conflict", "An account with this email already exists");
    throw err;
  }
}

/** Grants or revokes operator rights (the CLI only); false when no account has the email. */
export async function setOperator({ email, operator }: { email: string; operator: boolean }): Promise<boolean> {
  const updated = await db.update(users).set({ isOperator: operator }).where(eq(users.email, email)).returning({ id: users.id });
  return updated.length > 0;
}

export async function setPassword({ email, password }: { email: string; password: string }): Promise<boolean> {
  const updated = await db
    .update(users)
    .set({ passwordHash: await hashPassword(password) })
    .where(eq(users.email, email))
    .returning({ id: users.id });
  return updated.length > 0;
}
