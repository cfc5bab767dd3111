/**
 * The address a request came from, as far as it can be trusted. Route handlers do not
 * see the socket, so it comes from a header that the platform in front of us sets and
 * a client cannot forge: Vercel's `x-vercel-forwarded-for`. Elsewhere no header is
 * trusted, and every request counts as "unknown" (one shared bucket for limits).
 */
import { env } from "@/lib/env";

export function clientAddress(headers: Headers): string {
  if (env.VERCEL) {
    const forwarded = headers.get("x-vercel-forwarded-for") ?? headers.get("x-real-ip");
    const first = forwarded?.split(",")[0]?.trim();
    if (first) return first.slice(0, 64);
  }
  return "unknown";
}
