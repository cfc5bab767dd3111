/**
 * Who is looking at the delivery log. Everyone sees their own deliveries (the
 * visibleTo rule); operators also see deliveries nobody owns yet: uids without a
 * verified link, as metadata only, and the count of refused unauthenticated requests.
 *
 * Operators are a database flag (users.is_operator), set and cleared only by
 * `npm run user -- grant-operator | revoke-operator <email>`: an email typed into the
 * sign-up form proves nothing, so no address grants anything.
 */
import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { scopeFor, type Scope } from "@/lib/auth/scope";

export type DeliveryViewer = { scope: Scope; operator: boolean };

export async function isOperator(userId: string): Promise<boolean> {
  const [row] = await db.select({ isOperator: users.isOperator }).from(users).where(eq(users.id, userId));
  return row?.isOperator ?? false;
}

/** The viewer of a route, which has the caller's scope already (lib/api/handler.ts). */
export async function deliveryViewer({ scope, userId }: { scope: Scope; userId: string }): Promise<DeliveryViewer> {
  return { scope, operator: await isOperator(userId) };
}

/** The viewer of a page (pages have no route-provided scope). */
export async function deliveryViewerFor(user: { id: string }): Promise<DeliveryViewer> {
  return deliveryViewer({ scope: await scopeFor(user.id), userId: user.id });
}
