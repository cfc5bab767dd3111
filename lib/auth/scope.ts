/**
 * Who may read which rows (DESIGN.md "Identity and ownership"): an account sees the
 * rows that arrived through its own personal token, plus app-token rows (owner null)
 * of uids it has a verified or trusted link to. Unverified links see nothing.
 *
 * Every read query filters with `visibleTo(table, scope)`; another account's id
 * therefore simply is not found (404), in pages and API alike.
 */
import { and, eq, inArray, isNull, or, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { db, type DbOrTx } from "@/db/client";
import { omiLinks } from "@/db/schema";

export type Scope = {
  userId: string;
  /** uids with a verified or trusted link to this account. */
  uids: string[];
};

export async function scopeFor(userId: string, on: DbOrTx = db): Promise<Scope> {
  const links = await on
    .select({ uid: omiLinks.uid })
    .from(omiLinks)
    .where(and(eq(omiLinks.userId, userId), inArray(omiLinks.status, ["verified", "trusted"])));
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
