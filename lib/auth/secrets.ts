/**
 * Tokens and at-rest encryption. Webhook tokens are URL-safe and have no comma
 * (Omi's audio setting is "url,seconds"). Personal webhook tokens and signing secrets
 * are shown again in Settings, so they are encrypted (AES-256-GCM, key derived from
 * AUTH_SECRET); API tokens are shown once and stored as a SHA-256 hash.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

export const tokenPrefix = { webhook: "ohw_", api: "oht_" } as const;

export function newToken(kind: keyof typeof tokenPrefix): string {
  return tokenPrefix[kind] + randomBytes(24).toString("base64url");
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * Compares two secrets in constant time. Both sides are hashed first, so the comparison
 * always runs over 32 bytes: neither the content nor the length of the secret shows in
 * how long it takes (comparing raw strings would return early on a length mismatch).
 */
export function safeEqual(a: string, b: string): boolean {
  const da = createHash("sha256").update(a).digest();
  const db = createHash("sha256").update(b).digest();
  return timingSafeEqual(da, db);
}

/**
 * Does a presented secret equal the configured one (NOTIFY_API_KEY, CRON_SECRET)?
 * Both sides are hashed first, so the comparison always runs over 64 characters and
 * its timing reveals neither the content nor the length of the secret.
 */
export function secretMatches(given: string | null | undefined, expected: string | null | undefined): boolean {
  if (!given || !expected) return false;
  return safeEqual(sha256(given), sha256(expected));
}

let key: Buffer | undefined;
function encryptionKey(): Buffer {
  key ??= Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "omi-hub", "at-rest-encryption", 32));
  return key;
}

export function encrypt(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(".");
}

export function decrypt(sealed: string): string {
  const [v, iv, tag, data] = sealed.split(".");
  if (v !== "v1" || !iv || !tag || !data) throw new Error("Unrecognised encrypted value");
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}
