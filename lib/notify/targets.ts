/**
 * Who may make a phone buzz (docs/SECURITY.md "Notification targets"). A notification of
 * an account, whatever sends it (a rule through the API, a realtime reply, the send
 * endpoint, the compose form), only ever goes to a uid the account owns here: a verified
 * link, or a trusted one on a server without Omi credentials (lib/auth/linking.ts
 * ownerStatuses). Omi counts its limits per uid, so nobody else can spend them either.
 *
 * Data that arrived through a personal webhook token proves nothing about its uid:
 * anyone can post any `?uid=` to their own personal URL. Only NOTIFY_API_KEY (a server
 * the operator trusts) may notify any uid; those rows have no account.
 */
import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { omiLinks } from "@/db/schema";
import { ownerStatuses } from "@/lib/auth/linking";
import { dataLinkStatus } from "@/lib/auth/scope";

/** True when `userId` may notify `uid`. */
export async function mayNotify({ on = db, userId, uid }: { on?: DbOrTx; userId: string; uid: string }): Promise<boolean> {
  const [link] = await on
    .select({ id: omiLinks.id })
    .from(omiLinks)
    .where(and(eq(omiLinks.userId, userId), eq(omiLinks.uid, uid), inArray(omiLinks.status, [...ownerStatuses])))
    .limit(1);
  return Boolean(link);
}

/** uids this account may notify, for the compose form and the send endpoint. */
export async function notifiableUids({ userId }: { userId: string }): Promise<{ uid: string; nickname: string | null }[]> {
  return db
    .select({ uid: omiLinks.uid, nickname: omiLinks.nickname })
    .from(omiLinks)
    .where(and(eq(omiLinks.userId, userId), inArray(omiLinks.status, [...ownerStatuses])))
    .orderBy(omiLinks.createdAt);
}

/**
 * Accounts whose rules judge data of (uid, ownerUserId): accounts that see the data
 * (lib/auth/scope.ts) AND may notify its uid. Personal-token data: its owner, only if the
 * owner also owns the uid here. App-token data (owner null): the account with a verified
 * link (a trusted link sees no app-token data, so its rules never read it).
 */
export async function accountsJudging({
  on = db,
  uid,
  ownerUserId,
}: {
  on?: DbOrTx;
  uid: string;
  ownerUserId: string | null;
}): Promise<string[]> {
  if (ownerUserId) return (await mayNotify({ on, userId: ownerUserId, uid })) ? [ownerUserId] : [];
  const links = await on
    .select({ userId: omiLinks.userId })
    .from(omiLinks)
    .where(and(eq(omiLinks.uid, uid), eq(omiLinks.status, dataLinkStatus)));
  return links.map((l) => l.userId);
}
