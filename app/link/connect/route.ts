/** GET /link/connect: starts "Connect with Omi" (Omi OAuth) with a state cookie. */
import { AppError } from "@/lib/api/errors";
import { errorResponse } from "@/lib/api/respond";
import { newOAuthState, oauthStateCookie, oauthStateMaxAgeSeconds, omiAuthorizeUrl, omiOAuthConfigured } from "@/lib/auth/omi-oauth";

export const dynamic = "force-dynamic";

export function GET(req: Request): Response {
  if (!omiOAuthConfigured) {
    return errorResponse(new AppError("not_found", "Connect with Omi needs OMI_APP_ID (this server has no Omi app configured)"));
  }
  const state = newOAuthState();
  const secure = new URL(req.url).protocol === "https:" || req.headers.get("x-forwarded-proto") === "https";
  const cookie = [
    `${oauthStateCookie}=${state}`,
    "Path=/link",
    `Max-Age=${oauthStateMaxAgeSeconds}`,
    "HttpOnly",
    // Lax: the cookie must come back on Omi's top-level redirect to /link.
    "SameSite=Lax",
    ...(secure ? ["Secure"] : []),
  ].join("; ");
  return new Response(null, {
    status: 302,
    headers: { location: omiAuthorizeUrl(state), "set-cookie": cookie, "cache-control": "no-store" },
  });
}
