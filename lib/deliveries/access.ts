/**
 * Who is looking at the delivery log. Everyone sees their own deliveries (the
 * visibleTo rule); operators (ADMIN_EMAILS) also see deliveries nobody owns yet: uids
 * without a verified or trusted link, and unauthenticated attempts — metadata only.
 */
import { env } from "@/lib/env";
import type { Scope } from "@/lib/auth/scope";

export type DeliveryViewer = { scope: Scope; operator: boolean };

export function isOperator(email: string | null | undefined): boolean {
  if (!email) return false;
  return env.ADMIN_EMAILS.includes(email.trim().toLowerCase());
}

export function deliveryViewer({ scope, email }: { scope: Scope; email: string | null }): DeliveryViewer {
  return { scope, operator: isOperator(email) };
}
