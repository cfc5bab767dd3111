/**
 * Sends signed-out visitors of dashboard pages to sign-in, keeping where they were
 * going. Database-free on purpose (STACK-NOTES): it only looks for the session
 * cookie; the dashboard layout does the real check against the database.
 */
import { NextResponse, type NextRequest } from "next/server";

const sessionCookies = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(req: NextRequest) {
  const hasSession = sessionCookies.some((name) => req.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = req.nextUrl.clone();
  const next = req.nextUrl.pathname + req.nextUrl.search;
  url.pathname = "/sign-in";
  url.search = `?next=${encodeURIComponent(next)}`;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: [
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
