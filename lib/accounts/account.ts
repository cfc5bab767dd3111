/** The account itself: settings shown on the Settings page, and deleting it with everything it owns. */
import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import {
  audioChunks,
  buttonEvents,
  daySummaries,
  deliveries,
  deliveryKeys,
  liveSessions,
  liveStreams,
  memories,
  notifications,
  omiLinks,
  recordings,
  transcriptSegments,
  users,
} from "@/db/schema";
import { AppError, notFound } from "@/lib/api/errors";
import { dataLinkStatus } from "@/lib/auth/scope";
import { isTimeZone } from "./users";

export const timeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(isTimeZone, "Not a time zone this server knows (use an IANA name like Europe/Berlin)");

/** Omi issues signing secrets as "whsec_" followed by base64; accept any URL-safe or standard base64 tail. */
export const signingSecretSchema = z
  .string()
  .trim()
  .regex(/^whsec_[A-Za-z0-9+/=_-]{16,200}$/, "A signing secret starts with whsec_ followed by at least 16 characters, as Omi shows it");

export type AccountSettings = {
  id: string;
  email: string | null;
  timeZone: string;
  signingSecretSet: boolean;
  hasPassword: boolean;
  createdAt: Date;
};

export async function getAccount({ userId }: { userId: string }): Promise<AccountSettings> {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw notFound("Account");
  return {
    id: user.id,
    email: user.email,
    timeZone: user.timeZone,
    signingSecretSet: Boolean(user.signingSecretEnc),
    hasPassword: Boolean(user.passwordHash),
    createdAt: user.createdAt,
  };
}

export async function setTimeZone({ userId, timeZone }: { userId: string; timeZone: string }): Promise<void> {
  await db
    .update(users)
    .set({ timeZone: timeZoneSchema.parse(timeZone) })
    .where(eq(users.id, userId));
}

/**
 * Deletes the account and everything it owns: its own rows go by cascade; app-token rows
 * (owner null) of uids it had verified links to are deleted here, because nobody else
 * could see them (a uid has at most one verified owner). A trusted link never saw them.
 */
export async function deleteAccount({ userId, confirmEmail }: { userId: string; confirmEmail: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId)).limit(1);
    if (!user) throw notFound("Account");
    if ((user.email ?? "").toLowerCase() !== confirmEmail.trim().toLowerCase()) {
      throw new AppError("bad_request", "Type the account's email exactly to confirm");
    }
    const owned = await tx
      .select({ uid: omiLinks.uid })
      .from(omiLinks)
      .where(and(eq(omiLinks.userId, userId), eq(omiLinks.status, dataLinkStatus)));
    const uids = owned.map((l) => l.uid);
    if (uids.length) {
      // Children before parents, though cascades would cover most of them.
      for (const table of [
        transcriptSegments,
        liveSessions,
        liveStreams,
        audioChunks,
        recordings,
        memories,
        daySummaries,
        buttonEvents,
        deliveryKeys,
        deliveries,
      ]) {
        await tx.delete(table).where(and(isNull(table.ownerUserId), inArray(table.uid, uids)));
      }
      await tx.delete(notifications).where(and(isNull(notifications.userId), inArray(notifications.uid, uids)));
    }
    await tx.delete(users).where(eq(users.id, userId));
  });
}
