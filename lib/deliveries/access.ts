/**
 * Who is looking at the delivery log. Everyone sees their own deliveries (the
 * visibleTo rule); operators (ADMIN_EMAILS) also see deliveries nobody owns yet: uids
 * without a verified or trusted link, and unauthenticated attempts — metadata only.
 */
import "server-only";
import { env } from "@/lib/env";
import { scopeFor, type Scope } from "@/lib/auth/scope";

export type DeliveryViewer = { scope: Scope; operator: boolean };

export function isOperator(email: string | null | undefined): boolean {
  if (!email) return false;
  return env.ADMIN_EMAILS.includes(email.trim().toLowerCase());
}

export async function deliveryViewerFor(user: { id: string; email: string | null }): Promise<DeliveryViewer> {
  return { scope: await scopeFor(user.id), operator: isOperator(user.email) };
}
