/**
 * Who sent this webhook (docs/ARCHITECTURE.md "Identity and ownership"), in two steps:
 *
 * 1. `identifyByToken`, before a byte of the body is read: the URL's token is the
 *    app-wide OMI_WEBHOOK_TOKEN (owner null) or an account's personal webhook token
 *    (owner = that account), or nothing. A request with no valid token that cannot be
 *    authenticated by signature either is refused without reading its body
 *    (lib/webhooks/refusals.ts).
 * 2. `authenticateWebhook`, with the body: X-Omi-Signature, checked with the token
 *    account's personal signing secret, else the app-wide OMI_SIGNING_SECRET.
 *
 * A valid token OR a valid signature authenticates (signature only → owner null). A
 * present but invalid or stale signature is always refused, even beside a valid
 * token; an unsigned delivery with a valid token is accepted and logged "absent".
 */
import "server-only";
import type { Delivery } from "@/db/schema";
import { AppError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { safeEqual, sha256 } from "@/lib/auth/secrets";
import { findWebhookTokenOwner, getSigningSecret } from "@/lib/auth/webhook-tokens";
import { verifyOmiSignature } from "@/lib/omi/signature";

export type WebhookAuth = {
  kind: Delivery["auth"];
  signature: Delivery["signature"];
  ownerUserId: string | null;
};

export type TokenIdentity = {
  kind: "app" | "personal" | "none";
  ownerUserId: string | null;
  /** sha256 of a personal token: the storing statement re-checks it (lib/auth/webhook-tokens.ts). */
  tokenHash: string | null;
};

const appTokenHash = env.OMI_WEBHOOK_TOKEN ? sha256(env.OMI_WEBHOOK_TOKEN) : null;

/** The token's meaning, without reading the body or deciding anything yet. */
export async function identifyByToken(token: string | null): Promise<TokenIdentity> {
  if (!token) return { kind: "none", ownerUserId: null, tokenHash: null };
  // Hash both sides first: equal lengths for the constant-time compare, nothing learnt from the length.
  const hash = sha256(token);
  if (appTokenHash && safeEqual(hash, appTokenHash)) return { kind: "app", ownerUserId: null, tokenHash: null };
  const owner = await findWebhookTokenOwner(token);
  return owner ? { kind: "personal", ownerUserId: owner, tokenHash: hash } : { kind: "none", ownerUserId: null, tokenHash: null };
}

/**
 * Whether a request without a valid token could still prove itself: only by a
 * signature checked with the app-wide secret (a personal secret needs the personal
 * token to find it). If not, the body is never read.
 */
export function mayAuthenticateBySignature(signatureHeader: string | null): boolean {
  return Boolean(signatureHeader && env.OMI_SIGNING_SECRET);
}

/** Why a request is refused as unauthenticated, in words. */
export function unauthorized(token: string | null, signatureHeader: string | null): AppError {
  if (token) return new AppError("unauthorized", "The webhook token is not valid (it may have been regenerated in Settings)");
  if (signatureHeader)
    return new AppError("unauthorized", "No signing secret is configured to check X-Omi-Signature, and no token was sent");
  return new AppError("unauthorized", "Missing webhook token: use the URL from Settings (/api/webhooks/<event>/<token>)");
}

/** The uid is missing or unusable: 400 when a token authenticated the sender, null when fine. */
export function uidProblem(uid: string | null): AppError | null {
  // Next.js re-serialises the query before we see it, so "?uid=%20" arrives as "?uid=+": a uid of only "+" was blank.
  if (!uid || /^[+\s]*$/.test(uid))
    return new AppError("bad_request", "The uid query parameter is missing (Omi sends ?uid=<user id>)", { path: "uid" });
  const problem = uidProblemOf(uid);
  return problem ? new AppError("bad_request", `The uid query parameter ${problem}`, { path: "uid" }) : null;
}

/**
 * Decides with the body, or throws AppError 401 (bad credentials) / 400 (no uid).
 * `partial` receives what was learnt before a refusal, so the delivery log can record it.
 */
export async function authenticateWebhook(
  {
    byToken,
    token,
    uid,
    signatureHeader,
    body,
    nowSeconds,
  }: {
    byToken: TokenIdentity;
    token: string | null;
    uid: string | null;
    signatureHeader: string | null;
    body: Uint8Array;
    nowSeconds?: number;
  },
  partial: Partial<WebhookAuth> = {},
): Promise<WebhookAuth> {
  Object.assign(partial, { kind: byToken.kind, ownerUserId: byToken.ownerUserId, signature: signatureHeader ? "unchecked" : "absent" });

  const badUid = uidProblem(uid);
  if (badUid) {
    if (byToken.kind === "none") throw unauthorized(token, signatureHeader);
    throw badUid;
  }

  let signature: WebhookAuth["signature"] = "absent";
  if (signatureHeader) {
    const personalSecret = byToken.kind === "personal" && byToken.ownerUserId ? await getSigningSecret(byToken.ownerUserId) : null;
    const secret = personalSecret ?? env.OMI_SIGNING_SECRET ?? null;
    signature = secret
      ? verifyOmiSignature({
          header: signatureHeader,
          secret,
          uid: uid!,
          body,
          nowSeconds,
          toleranceSeconds: env.SIGNATURE_TOLERANCE_SECONDS,
        })
      : "unchecked";
  }
  partial.signature = signature;

  if (signature === "invalid") throw new AppError("unauthorized", "The X-Omi-Signature header does not match this body and uid");
  if (signature === "stale") {
    throw new AppError("unauthorized", `The X-Omi-Signature timestamp is more than ${env.SIGNATURE_TOLERANCE_SECONDS} s from now`);
  }
  if (byToken.kind !== "none") return { kind: byToken.kind, signature, ownerUserId: byToken.ownerUserId };
  if (signature === "valid") {
    Object.assign(partial, { kind: "signature", ownerUserId: null });
    return { kind: "signature", signature, ownerUserId: null };
  }
  throw unauthorized(token, signatureHeader);
}

/** Omi uids are short ids (28 characters); these could not be stored or indexed, so they are refused. */
export const MAX_UID_LENGTH = 200;

function uidProblemOf(uid: string): string | null {
  if (uid.length > MAX_UID_LENGTH) return `is longer than ${MAX_UID_LENGTH} characters`;
  if (/[\u0000-\u001f\u007f]/.test(uid)) return "contains control characters";
  if (!uid.isWellFormed()) return "is not valid Unicode";
  return null;
}
