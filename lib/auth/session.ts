/**
 * The signed-in person, for server components and actions. The JWT can outlive a
 * deleted account, so the row is looked up every time (once per request, via cache).
 */
import "server-only";
import { eq } from "drizzle-orm";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/db/client";
import { type User, users } from "@/db/schema";
import { auth } from "./auth";
import { scopeFor, type Scope } from "./scope";

export const currentUser = cache(async (): Promise<User | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return user ?? null;
});

/** For signed-in pages: the user, or a redirect to sign-in that comes back here. */
export async function requireUser(returnTo: string): Promise<User> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return user;
}

/**
 * For signed-in pages: what the person may see (lib/auth/scope.ts), read once per
 * request however many parts of the page ask (metadata and page alike).
 */
export const requireScope = cache(async (returnTo: string): Promise<Scope> => scopeFor((await requireUser(returnTo)).id));
