/**
 * The public base URL people paste into Omi: APP_URL when set, otherwise what the
 * request says (works behind a tunnel that forwards Host / X-Forwarded-*).
 */
import { headers } from "next/headers";
import { env } from "@/lib/env";

export function baseUrlFrom(h: Headers): string {
  if (env.APP_URL) return env.APP_URL.replace(/\/+$/, "");
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto")?.split(",")[0] ?? (/^(localhost|127\.|\[::1\])/.test(host) ? "http" : "https");
  return `${proto}://${host}`;
}

/** For server components and actions. */
export async function publicBaseUrl(): Promise<string> {
  return baseUrlFrom(await headers());
}

/** Omi refuses localhost, private and link-local targets; a tunnel is needed for a local run. */
export function isPubliclyReachable(base: string): boolean {
  try {
    const { hostname, protocol } = new URL(base);
    if (protocol !== "https:") return false;
    return !/^(localhost|127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|169\.254\.|\[?::1\]?$|0\.0\.0\.0)/.test(hostname);
  } catch {
    return false;
  }
}
