/**
 * Who may read which rows (docs/SECURITY.md): an account sees the rows that arrived
 * through its own personal token, plus app-token rows (owner null) of uids it has a
 * VERIFIED link to. Only a code pushed through Omi proves who owns a uid, so trusted
 * links (no Omi credentials, nothing proven) and unverified links grant no rows at all:
 * a trusted link reveals nothing beyond the account's own personal-token data.
 *
 * Every read query filters with `visibleTo(table, scope)`; another account's id
 * therefore simply is not found (404), in pages and API alike.
 */
import "server-only";
import { and, eq, inArray, isNull, or, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { db, type DbOrTx } from "@/db/client";
import { omiLinks } from "@/db/schema";

/** The one link status that grants a uid's app-token rows. */
export const dataLinkStatus = "verified" as const;

export type Scope = {
  userId: string;
  /** uids with a verified link to this account: their app-token rows are visible. */
  uids: string[];
};

export async function scopeFor(userId: string, on: DbOrTx = db): Promise<Scope> {
  const links = await on
    .select({ uid: omiLinks.uid })
    .from(omiLinks)
    .where(and(eq(omiLinks.userId, userId), eq(omiLinks.status, dataLinkStatus)));
  return { userId, uids: links.map((l) => l.uid) };
}

/** SQL condition: the row is visible to this scope. */
export function visibleTo(table: { uid: AnyPgColumn; ownerUserId: AnyPgColumn }, scope: Scope): SQL {
  const own = eq(table.ownerUserId, scope.userId);
  if (scope.uids.length === 0) return own;
  return or(own, and(isNull(table.ownerUserId), inArray(table.uid, scope.uids)))!;
}

/**
 * The scope of `userId`, looked up the first time it is asked for and then reused: for
 * request handlers that may or may not need it. A failure is reported to whoever awaits
 * it, never as an unhandled rejection.
 */
export function lazyScope(userId: string): () => Promise<Scope> {
  let scope: Promise<Scope> | undefined;
  return () => {
    if (!scope) {
      scope = scopeFor(userId);
      scope.catch(() => {});
    }
    return scope;
  };
}
