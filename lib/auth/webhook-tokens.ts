/**
 * Personal webhook tokens (one per account, in the URLs pasted into Omi's Developer
 * Settings) and personal signing secrets. Tokens are looked up by hash and kept
 * encrypted so Settings can show them again.
 */
import { eq } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { users, webhookTokens } from "@/db/schema";
import { decrypt, encrypt, newToken, sha256 } from "./secrets";

/** The account's webhook token, created on first use. */
export async function getWebhookToken(userId: string, on: DbOrTx = db): Promise<string> {
  const [row] = await on.select({ tokenEnc: webhookTokens.tokenEnc }).from(webhookTokens).where(eq(webhookTokens.userId, userId));
  if (row) return decrypt(row.tokenEnc);
  const token = newToken("webhook");
  const inserted = await on
    .insert(webhookTokens)
    .values({ userId, tokenHash: sha256(token), tokenEnc: encrypt(token) })
    .onConflictDoNothing({ target: webhookTokens.userId })
    .returning({ userId: webhookTokens.userId });
  // Lost a race with a concurrent first use: read the winner's token.
  return inserted.length ? token : getWebhookToken(userId, on);
}

/** Replaces the token; URLs with the old one stop working at once. */
export async function regenerateWebhookToken(userId: string, on: DbOrTx = db): Promise<string> {
  const token = newToken("webhook");
  await on
    .insert(webhookTokens)
    .values({ userId, tokenHash: sha256(token), tokenEnc: encrypt(token) })
    .onConflictDoUpdate({ target: webhookTokens.userId, set: { tokenHash: sha256(token), tokenEnc: encrypt(token), createdAt: new Date() } });
  return token;
}

/** The account a personal webhook token belongs to, or null. */
export async function findWebhookTokenOwner(token: string, on: DbOrTx = db): Promise<string | null> {
  if (!token || token.length > 200) return null;
  const [row] = await on.select({ userId: webhookTokens.userId }).from(webhookTokens).where(eq(webhookTokens.tokenHash, sha256(token)));
  return row?.userId ?? null;
}

/** The account's Omi signing secret (whsec_…), or null when signing is off. */
export async function getSigningSecret(userId: string, on: DbOrTx = db): Promise<string | null> {
  const [row] = await on.select({ enc: users.signingSecretEnc }).from(users).where(eq(users.id, userId));
  return row?.enc ? decrypt(row.enc) : null;
}

export async function setSigningSecret(userId: string, secret: string | null, on: DbOrTx = db): Promise<void> {
  await on
    .update(users)
    .set({ signingSecretEnc: secret ? encrypt(secret) : null })
    .where(eq(users.id, userId));
}
