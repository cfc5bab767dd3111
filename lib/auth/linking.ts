/**
 * Linking Omi uids to accounts (docs/ARCHITECTURE.md "Identity and ownership").
 *
 * Nothing Omi sends proves who owns a uid, so:
 * - With Omi API credentials a link starts **unverified**: /api/setup-completed already
 *   answers true (Omi enables an app only after that, and only an enabled app can notify),
 *   then a 6-digit code is pushed to the uid and typed on the link page. Unverified links
 *   see nothing and block nobody; a verified link replaces every unverified one.
 * - Without credentials there is no way to verify: the first link is **trusted**, and a
 *   second account is refused. A trusted link grants no app-token data (lib/auth/scope.ts);
 *   it lets the account's rules answer that uid (lib/notify/targets.ts).
 * - A trusted link left from a time without credentials proves nothing once they are set:
 *   it then counts as unverified (shown so, verifiable by code, replaced by a verified link).
 * At most one account owns a uid (ownerStatuses), enforced by a partial unique index.
 */
import "server-only";
import { randomInt } from "node:crypto";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { db, type DbOrTx } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { type OmiLink, omiLinks } from "@/db/schema";
import { AppError, notFound } from "@/lib/api/errors";
import { omiApiConfigured } from "@/lib/env";
import { log } from "@/lib/log";
import { sendNotification } from "@/lib/omi/api-client";
import { hit } from "./rate-limit";
import { safeEqual, sha256 } from "./secrets";

export const codeRules = {
  length: 6,
  ttlSeconds: 10 * 60,
  maxAttempts: 5,
  /** After a code reached the phone, wait this long before pushing another (Omi: 1 per 30 s). */
  resendAfterSeconds: 30,
  /** Codes asked for by hand, per link and hour (Omi allows ~9 notifications an hour). */
  maxRequestsPerHour: 6,
} as const;

/** Omi uids are opaque ids (Firebase uids today); anything printable and short is accepted. */
export const uidSchema = z
  .string()
  .trim()
  .min(1, "The link has no Omi user id (uid)")
  .max(128, "The Omi user id is too long")
  .regex(/^[\x21-\x7e]+$/, "The Omi user id has characters Omi does not use");

export const refusedMessage =
  "This Omi account is already linked to another Omi Hub account. Sign in to that account, or ask its owner to unlink it in Settings.";

export type LinkStatus = OmiLink["status"];

/** Statuses that make an account a uid's owner here: with Omi credentials only a code proves it. */
export const ownerStatuses: readonly LinkStatus[] = omiApiConfigured ? ["verified"] : ["verified", "trusted"];

export type CodeDelivery =
  | { state: "none" }
  | { state: "sent"; sentAt: Date }
  /** `notEnabled`: Omi has not enabled the app for this user yet; trying again shortly usually works. */
  | { state: "failed"; sentAt: Date; explanation: string; notEnabled: boolean };

export type LinkView = {
  id: string;
  uid: string;
  status: LinkStatus;
  nickname: string | null;
  createdAt: Date;
  verifiedAt: Date | null;
  code: CodeDelivery;
  codeExpiresAt: Date | null;
  attemptsLeft: number;
};

const notEnabledPrefix = "not_enabled:";

export function toLinkView(link: OmiLink): LinkView {
  let code: CodeDelivery = { state: "none" };
  if (link.codeSentAt && link.codeDeliveryError) {
    const notEnabled = link.codeDeliveryError.startsWith(notEnabledPrefix);
    code = {
      state: "failed",
      sentAt: link.codeSentAt,
      explanation: notEnabled ? link.codeDeliveryError.slice(notEnabledPrefix.length) : link.codeDeliveryError,
      notEnabled,
    };
  } else if (link.codeSentAt) {
    code = { state: "sent", sentAt: link.codeSentAt };
  }
  return {
    id: link.id,
    uid: link.uid,
    status: link.status === "trusted" && !ownerStatuses.includes("trusted") ? "unverified" : link.status,
    nickname: link.nickname,
    createdAt: link.createdAt,
    verifiedAt: link.verifiedAt,
    code,
    codeExpiresAt: link.codeExpiresAt,
    attemptsLeft: Math.max(0, codeRules.maxAttempts - link.codeAttempts),
  };
}

/** "abcd…wxyz": enough to recognise a uid on screen without showing all of it. */
export function maskUid(uid: string): string {
  return uid.length <= 8 ? `${uid.slice(0, 2)}…${uid.slice(-2)}` : `${uid.slice(0, 4)}…${uid.slice(-4)}`;
}

/** Omi's setup-completed question: does this uid have any link (verified or not)? */
export async function isSetupCompleted(uid: string, on: DbOrTx = db): Promise<boolean> {
  const [row] = await on.select({ id: omiLinks.id }).from(omiLinks).where(eq(omiLinks.uid, uid)).limit(1);
  return Boolean(row);
}

export async function listLinks({ userId }: { userId: string }, on: DbOrTx = db): Promise<LinkView[]> {
  const links = await on.select().from(omiLinks).where(eq(omiLinks.userId, userId)).orderBy(omiLinks.createdAt, omiLinks.id);
  return links.map(toLinkView);
}

/** This account's link row for the uid, or undefined. */
async function findLinkRow({ userId, uid }: { userId: string; uid: string }, on: DbOrTx = db) {
  const [link] = await on
    .select()
    .from(omiLinks)
    .where(and(eq(omiLinks.userId, userId), eq(omiLinks.uid, uid)))
    .limit(1);
  return link;
}

export async function getLink({ userId, uid }: { userId: string; uid: string }, on: DbOrTx = db): Promise<LinkView | null> {
  const link = await findLinkRow({ userId, uid }, on);
  return link ? toLinkView(link) : null;
}

export async function getLinkById({ userId, id }: { userId: string; id: string }, on: DbOrTx = db): Promise<LinkView> {
  const [link] = await on
    .select()
    .from(omiLinks)
    .where(and(eq(omiLinks.userId, userId), eq(omiLinks.id, id)))
    .limit(1);
  if (!link) throw notFound("Link");
  return toLinkView(link);
}

/** The account that owns `uid` here (ownerStatuses), if any. */
async function ownerOf(uid: string, on: DbOrTx = db): Promise<string | null> {
  const [row] = await on
    .select({ userId: omiLinks.userId })
    .from(omiLinks)
    .where(and(eq(omiLinks.uid, uid), inArray(omiLinks.status, [...ownerStatuses])))
    .limit(1);
  return row?.userId ?? null;
}

/** What the link page may offer before the person presses "Link". */
export async function linkability({
  userId,
  uid,
}: {
  userId: string;
  uid: string;
}): Promise<"linked" | "pending" | "refused" | "available"> {
  const own = await getLink({ userId, uid });
  if (own && own.status !== "unverified") return "linked";
  const owner = await ownerOf(uid);
  if (owner && owner !== userId) return "refused";
  return own ? "pending" : "available";
}

/**
 * Pressing "Link". With Omi credentials: an unverified link and a code pushed to the uid.
 * Without: a trusted link, unless another account already owns the uid.
 */
export async function startLink({ userId, uid: rawUid }: { userId: string; uid: string }): Promise<LinkView> {
  const uid = uidSchema.parse(rawUid);
  const existing = await getLink({ userId, uid });
  if (existing && existing.status !== "unverified") return existing;
  const owner = await ownerOf(uid);
  if (owner && owner !== userId) throw new AppError("conflict", refusedMessage);

  if (!omiApiConfigured) {
    try {
      return await db.transaction(async (tx) => {
        await tx.delete(omiLinks).where(and(eq(omiLinks.uid, uid), ne(omiLinks.userId, userId), eq(omiLinks.status, "unverified")));
        const [link] = await tx
          .insert(omiLinks)
          .values({ userId, uid, status: "trusted", verifiedAt: new Date() })
          .onConflictDoUpdate({
            target: [omiLinks.userId, omiLinks.uid],
            set: { status: "trusted", verifiedAt: new Date(), codeHash: null, codeExpiresAt: null, codeDeliveryError: null },
          })
          .returning();
        return toLinkView(link!);
      });
    } catch (err) {
      // Another account took the uid between our check and the insert.
      if (isUniqueViolation(err)) throw new AppError("conflict", refusedMessage);
      throw err;
    }
  }

  if (!existing) {
    await db.insert(omiLinks).values({ userId, uid, status: "unverified" }).onConflictDoNothing();
  }
  return sendLinkCode({ userId, uid, automatic: false });
}

/**
 * Pushes a fresh code to the uid through Omi. `automatic` is the link page retrying while
 * Omi says the app is not enabled yet; it never re-sends a code that already arrived.
 */
export async function sendLinkCode({
  userId,
  uid,
  automatic = false,
}: {
  userId: string;
  uid: string;
  automatic?: boolean;
}): Promise<LinkView> {
  const link = await findLinkRow({ userId, uid });
  if (!link) throw notFound("Link");
  if (ownerStatuses.includes(link.status)) return toLinkView(link);
  if (!omiApiConfigured) throw new AppError("conflict", "Codes need Omi API credentials (OMI_APP_ID, OMI_APP_SECRET), which are not set");

  const lastDelivered = link.codeSentAt && !link.codeDeliveryError ? link.codeSentAt : null;
  if (lastDelivered) {
    if (automatic) return toLinkView(link);
    const waited = (Date.now() - lastDelivered.getTime()) / 1000;
    if (waited < codeRules.resendAfterSeconds) {
      const wait = Math.ceil(codeRules.resendAfterSeconds - waited);
      throw new AppError("rate_limited", `A code was sent moments ago. Wait ${wait} seconds before asking for another.`, undefined, {
        "retry-after": String(wait),
      });
    }
  }

  if (!automatic) {
    // Automatic retries stop once a code arrives, so this bounds how many codes reach the phone.
    const quota = await hit({ key: `link-code:${link.id}`, max: codeRules.maxRequestsPerHour, windowSeconds: 3600 });
    if (!quota.allowed) {
      throw new AppError("rate_limited", "Enough codes have been sent for now. Use the last one, or try again later.", undefined, {
        "retry-after": String(quota.retryAfterSeconds),
      });
    }
  }

  const code = String(randomInt(0, 10 ** codeRules.length)).padStart(codeRules.length, "0");
  const result = await sendNotification({ uid, message: `Your Omi Hub code: ${code}` });
  if (!result.ok) {
    log.info("link code not delivered", { linkId: link.id, kind: result.kind, status: result.status });
  }
  const deliveryError = result.ok
    ? null
    : result.kind === "forbidden" && /not enabled/i.test(result.explanation)
      ? `${notEnabledPrefix}Omi has not enabled the app for this Omi account yet. Finish enabling it in the Omi app; we keep trying.`
      : `Omi did not deliver the code: ${result.explanation}.`;
  const [updated] = await db
    .update(omiLinks)
    .set({
      // A code that never reached the phone is worthless: store nothing that could be guessed.
      codeHash: result.ok ? hashCode(link.id, code) : null,
      codeExpiresAt: result.ok ? new Date(Date.now() + codeRules.ttlSeconds * 1000) : null,
      codeAttempts: 0,
      codeSentAt: new Date(),
      codeDeliveryError: deliveryError,
    })
    .where(eq(omiLinks.id, link.id))
    .returning();
  return toLinkView(updated!);
}

function hashCode(linkId: string, code: string): string {
  return sha256(`omi-link-code:${linkId}:${code}`);
}

/** Typing the code. Five tries per code, ten minutes; success replaces others' unverified links. */
export async function verifyLinkCode({ userId, uid, code: rawCode }: { userId: string; uid: string; code: string }): Promise<LinkView> {
  const code = rawCode.replace(/\s+/g, "");
  const link = await findLinkRow({ userId, uid });
  if (!link) throw notFound("Link");
  if (ownerStatuses.includes(link.status)) return toLinkView(link);
  if (!link.codeHash || !link.codeExpiresAt)
    throw new AppError("bad_request", "No code has reached your Omi app yet. Send the code again.");
  if (link.codeExpiresAt.getTime() < Date.now())
    throw new AppError("bad_request", "The code has expired. Send the code again to get a new one.");
  if (link.codeAttempts >= codeRules.maxAttempts) {
    throw new AppError("bad_request", "Too many wrong codes. Send the code again to get a new one.");
  }
  if (!/^\d{6}$/.test(code)) throw new AppError("validation_failed", "The code is the 6 digits from the Omi notification");

  // Count the try before comparing, atomically, so parallel guesses cannot exceed the limit.
  const [counted] = await db
    .update(omiLinks)
    .set({ codeAttempts: sql`${omiLinks.codeAttempts} + 1` })
    .where(and(eq(omiLinks.id, link.id), sql`${omiLinks.codeAttempts} < ${codeRules.maxAttempts}`))
    .returning({ attempts: omiLinks.codeAttempts });
  if (!counted) throw new AppError("bad_request", "Too many wrong codes. Send the code again to get a new one.");

  if (!safeEqual(hashCode(link.id, code), link.codeHash)) {
    const left = codeRules.maxAttempts - counted.attempts;
    throw new AppError(
      "bad_request",
      left > 0
        ? `That code is not right. ${left} ${left === 1 ? "try" : "tries"} left.`
        : "That code is not right, and that was the last try. Send the code again to get a new one.",
    );
  }

  try {
    return await db.transaction(async (tx) => {
      const owner = await ownerOf(uid, tx);
      if (owner && owner !== userId) throw new AppError("conflict", refusedMessage);
      // The proven owner replaces everyone's unproven claims on this uid (unverified, or trusted from before credentials).
      await tx.delete(omiLinks).where(and(eq(omiLinks.uid, uid), ne(omiLinks.userId, userId), ne(omiLinks.status, "verified")));
      const [verified] = await tx
        .update(omiLinks)
        .set({ status: "verified", verifiedAt: new Date(), codeHash: null, codeExpiresAt: null, codeDeliveryError: null })
        .where(eq(omiLinks.id, link.id))
        .returning();
      return toLinkView(verified!);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("conflict", refusedMessage);
    throw err;
  }
}

export async function renameLink({ userId, id, nickname }: { userId: string; id: string; nickname: string | null }): Promise<LinkView> {
  const [link] = await db
    .update(omiLinks)
    .set({ nickname: nickname?.trim() || null })
    .where(and(eq(omiLinks.id, id), eq(omiLinks.userId, userId)))
    .returning();
  if (!link) throw notFound("Link");
  return toLinkView(link);
}

/** Unlinking stops showing that uid's app-token data; the data itself stays for whoever links it next. */
export async function unlink({ userId, id }: { userId: string; id: string }): Promise<void> {
  const deleted = await db
    .delete(omiLinks)
    .where(and(eq(omiLinks.id, id), eq(omiLinks.userId, userId)))
    .returning({ id: omiLinks.id });
  if (!deleted.length) throw notFound("Link");
}
