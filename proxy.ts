/**
 * Sends signed-out visitors of dashboard pages to sign-in, keeping where they were
 * going. Database-free on purpose (a database-backed Auth.js config here breaks every route): it only looks for the session
 * cookie; the dashboard layout does the real check against the database.
 */
import { NextResponse, type NextRequest } from "next/server";

const sessionCookies = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(req: NextRequest) {
  if (req.nextUrl.pathname.startsWith("/api/")) return apiPathGuard(req);
  const hasSession = sessionCookies.some((name) => req.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = req.nextUrl.clone();
  const next = req.nextUrl.pathname + req.nextUrl.search;
  url.pathname = "/sign-in";
  url.search = `?next=${encodeURIComponent(next)}`;
  return NextResponse.redirect(url);
}

/**
 * A path segment that is not valid percent-encoded UTF-8 ("/api/v1/memories/%ED%A0%80")
 * makes Next.js fail while decoding the route params, with a plain-text 500 that no
 * route handler can catch. Refuse it here, in the one JSON error shape.
 */
function apiPathGuard(req: NextRequest) {
  try {
    decodeURIComponent(req.nextUrl.pathname);
    return NextResponse.next();
  } catch {
    return NextResponse.json(
      { error: { code: "bad_request", message: "The URL path is not valid percent-encoded UTF-8" } },
      { status: 400, headers: { "cache-control": "no-store" } },
    );
  }
}

export const config = {
  matcher: [
    "/api/v1/:path*",
    // Webhooks stay proxy-free for throughput, except paths with a percent escape (a real
    // token never has one), which could be invalid UTF-8 in the token segment.
    "/api/webhooks/:path(.*%.*)",
    "/memories/:path*",
    "/action-items/:path*",
    "/live/:path*",
    "/audio/:path*",
    "/calendar/:path*",
    "/notifications/:path*",
    "/deliveries/:path*",
    "/settings/:path*",
  ],
};
