/**
 * "Connect with Omi" (docs/OMI.md §5): we send the person to Omi's authorize page
 * with a random `state`, kept in an httpOnly cookie; Omi sends them back to the App Home
 * URL (/link?uid=…&state=…). The state proves only that the same browser came back, not
 * who owns the uid: linking still goes through the usual rules (lib/auth/linking.ts).
 */
import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { safeEqual } from "./secrets";

export const oauthStateCookie = "omihub_oauth_state";
export const oauthStateMaxAgeSeconds = 10 * 60;

export const omiOAuthConfigured = Boolean(env.OMI_APP_ID);

export function newOAuthState(): string {
  return randomBytes(24).toString("base64url");
}

export function omiAuthorizeUrl(state: string): string {
  const url = new URL("/v1/oauth/authorize", env.OMI_API_URL);
  url.searchParams.set("app_id", env.OMI_APP_ID ?? "");
  url.searchParams.set("state", state);
  return url.toString();
}

export function stateMatches(fromQuery: string | undefined, fromCookie: string | undefined): boolean {
  return Boolean(fromQuery && fromCookie && fromQuery.length < 200 && safeEqual(fromQuery, fromCookie));
}
