/**
 * Personal webhook tokens (one per account, in the URLs pasted into Omi's Developer
 * Settings) and personal signing secrets. Tokens are looked up by hash and kept
 * encrypted so Settings can show them again.
 *
 * Every webhook delivery needs "whose token is this?" (and, when signed, that
 * account's secret) before it reads the body, so both answers are cached in this
 * process: no database round trip per delivery. A regenerated token stops working at
 * once all the same: this process forgets it, and every delivery's storing statement
 * re-checks the token against the account's current one (omi_begin_delivery,
 * db/migrations 0004), so other processes answer 401 too. A changed signing secret
 * reaches other processes within SECRET_CACHE_MS.
 */
import "server-only";
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
  forgetAccount(userId);
  const token = newToken("webhook");
  await on
    .insert(webhookTokens)
    .values({ userId, tokenHash: sha256(token), tokenEnc: encrypt(token) })
    .onConflictDoUpdate({
      target: webhookTokens.userId,
      set: { tokenHash: sha256(token), tokenEnc: encrypt(token), createdAt: new Date() },
    });
  return token;
}

const OWNER_CACHE_MS = 10 * 60_000;
/** Unknown tokens are remembered briefly: a sender retrying a wrong URL costs one lookup, not one each. */
const UNKNOWN_CACHE_MS = 10_000;
const SECRET_CACHE_MS = 60_000;
const MAX_CACHED = 10_000;
const owners = new Map<string, { userId: string | null; until: number }>();
const secrets = new Map<string, { secret: string | null; until: number }>();

function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
}

function forgetAccount(userId: string): void {
  for (const [hash, entry] of owners) if (entry.userId === userId) owners.delete(hash);
  secrets.delete(userId);
}

/** The account a personal webhook token belongs to, or null (cached, see the header). */
export async function findWebhookTokenOwner(token: string, on: DbOrTx = db): Promise<string | null> {
  if (!token || token.length > 200) return null;
  const hash = sha256(token);
  const cached = owners.get(hash);
  if (cached && cached.until > Date.now()) return cached.userId;
  const [row] = await on.select({ userId: webhookTokens.userId }).from(webhookTokens).where(eq(webhookTokens.tokenHash, hash));
  const userId = row?.userId ?? null;
  remember(owners, hash, { userId, until: Date.now() + (userId ? OWNER_CACHE_MS : UNKNOWN_CACHE_MS) });
  return userId;
}

/** Drops a token this process had cached (the database said it is no longer valid). */
export function forgetWebhookToken(token: string): void {
  owners.delete(sha256(token));
}

/** The account's Omi signing secret (whsec_…), or null when signing is off (cached, see the header). */
export async function getSigningSecret(userId: string, on: DbOrTx = db): Promise<string | null> {
  const cached = secrets.get(userId);
  if (cached && cached.until > Date.now()) return cached.secret;
  const [row] = await on.select({ enc: users.signingSecretEnc }).from(users).where(eq(users.id, userId));
  const secret = row?.enc ? decrypt(row.enc) : null;
  remember(secrets, userId, { secret, until: Date.now() + SECRET_CACHE_MS });
  return secret;
}

export async function setSigningSecret(userId: string, secret: string | null, on: DbOrTx = db): Promise<void> {
  secrets.delete(userId);
  await on
    .update(users)
    .set({ signingSecretEnc: secret ? encrypt(secret) : null })
    .where(eq(users.id, userId));
}
