/**
 * The address of the client that sent a request, for limits keyed by address (sign-in
 * attempts; webhook attempts without a valid token). Only sources that the client cannot
 * write are used:
 *
 * - On Vercel: `x-vercel-forwarded-for` (then `x-real-ip`). Vercel sets them at its edge
 *   and overwrites whatever the client sent.
 * - Behind TRUST_PROXY_HOPS reverse proxies (a tunnel, nginx, Caddy): the X-Forwarded-For
 *   entry that the outermost trusted proxy appended, counted from the right. Everything to
 *   its left was written by the client and is ignored.
 * - Otherwise: unknown (null). `next start` copies the socket address into X-Forwarded-For
 *   only when the client sent none, so the header alone can always be forged.
 */
import { isIP } from "node:net";
import { env } from "@/lib/env";

type Source = { vercel: boolean; trustProxyHops: number };

const fromEnv = (): Source => ({ vercel: env.VERCEL, trustProxyHops: env.TRUST_PROXY_HOPS });

/** A bare IP address (IPv4-mapped IPv6 as IPv4), or null for anything else. */
function normalise(raw: string | undefined): string | null {
  if (!raw) return null;
  let value = raw.trim();
  // "[2001:db8::1]:443" and "203.0.113.7:51234" (some proxies add the port).
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (value.toLowerCase().startsWith("::ffff:") && isIP(value.slice(7)) === 4) value = value.slice(7);
  return isIP(value) ? value.toLowerCase() : null;
}

export function clientAddress(headers: Headers, source: Source = fromEnv()): string | null {
  if (source.vercel) {
    const vercel = headers.get("x-vercel-forwarded-for")?.split(",")[0];
    return normalise(vercel) ?? normalise(headers.get("x-real-ip") ?? undefined);
  }
  if (source.trustProxyHops <= 0) return null;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  // With N trusted proxies the last N entries were written by them; the Nth from the right
  // is the address the outermost one saw. A shorter chain means the request skipped a proxy.
  if (chain.length < source.trustProxyHops) return null;
  return normalise(chain[chain.length - source.trustProxyHops]);
}
