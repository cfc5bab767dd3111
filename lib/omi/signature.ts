/**
 * Omi's webhook signature (docs/OMI.md §6a):
 *   X-Omi-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>]
 *   v1 = hex HMAC-SHA256(secret, "<t>.<uid>." + raw body bytes)
 * Several v1 entries appear while a rotated secret is still signing. Compare in
 * constant time; refuse a timestamp further than the tolerance from now.
 * `signOmiPayload` is the sender's side, for the simulator and tests.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export type SignatureCheck = "valid" | "invalid" | "stale";

function digest(secret: string, t: string, uid: string, body: Uint8Array): Buffer {
  return createHmac("sha256", secret).update(`${t}.${uid}.`).update(body).digest();
}

export function parseSignatureHeader(header: string): { t: string; v1: string[] } | null {
  let t: string | null = null;
  const v1: string[] = [];
  for (const part of header.split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === "t") t = value;
    else if (key === "v1") v1.push(value);
  }
  if (!t || !/^\d{1,12}$/.test(t) || v1.length === 0) return null;
  return { t, v1 };
}

export function verifyOmiSignature({
  header,
  secret,
  uid,
  body,
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds,
}: {
  header: string;
  secret: string;
  uid: string;
  body: Uint8Array;
  nowSeconds?: number;
  toleranceSeconds: number;
}): SignatureCheck {
  const parsed = parseSignatureHeader(header);
  if (!parsed) return "invalid";
  const expected = digest(secret, parsed.t, uid, body);
  const matches = parsed.v1.some((hex) => {
    if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== expected.length * 2) return false;
    return timingSafeEqual(Buffer.from(hex, "hex"), expected);
  });
  if (!matches) return "invalid";
  // Only a genuine signature can be "stale": a forged one is simply invalid.
  return Math.abs(nowSeconds - Number(parsed.t)) > toleranceSeconds ? "stale" : "valid";
}

export function signOmiPayload({
  secret,
  uid,
  body,
  timestamp = Math.floor(Date.now() / 1000),
}: {
  secret: string;
  uid: string;
  body: Uint8Array | string;
  timestamp?: number;
}): string {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  return `t=${timestamp},v1=${digest(secret, String(timestamp), uid, bytes).toString("hex")}`;
}
