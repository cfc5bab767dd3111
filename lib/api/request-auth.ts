/**
 * Who is calling /api/v1: a personal API token (Authorization: Bearer oht_…) or the
 * Auth.js session cookie. Cookie-authenticated writes must come from our own origin
 * (the cookie alone would let another site's form post here). A token may do only
 * what its scopes allow (lib/auth/token-scopes.ts); a session may do everything.
 */
import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import { auth } from "@/lib/auth/auth";
import { sha256 } from "@/lib/auth/secrets";
import { allTokenScopes, type TokenScope } from "@/lib/auth/token-scopes";
import { AppError, unauthorized } from "./errors";

export type RequestUser = {
  id: string;
  email: string | null;
  via: "token" | "session";
  tokenId?: string;
  /** What this caller may do: a token's scopes, or every scope for a session. */
  scopes: TokenScope[];
};

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);
/** Auth.js session cookie, plain or __Secure-, possibly chunked (.0, .1, …). */
const sessionCookiePattern = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token(?:\.\d+)?=/;

/** The token's account and scopes; null when unknown or revoked. An expired token is a 401 that says so. */
export async function userFromApiToken(token: string): Promise<RequestUser | null> {
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      userId: users.id,
      email: users.email,
      scopes: apiTokens.scopes,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, sha256(token)))
    .limit(1);
  if (!row) return null;
  if (row.expiresAt && row.expiresAt.getTime() <= Date.now()) {
    throw unauthorized(`This API token expired on ${row.expiresAt.toISOString()}; create a new one in Settings`);
  }
  // Touch "last used" at most once a minute: not a write on every request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: sql`now()` })
      .where(eq(apiTokens.id, row.tokenId));
  }
  return { id: row.userId, email: row.email, via: "token", tokenId: row.tokenId, scopes: row.scopes };
}

/** 403 naming the scope the caller lacks. */
export function requireScope(user: Pick<RequestUser, "scopes">, needed: TokenScope): void {
  if (user.scopes.includes(needed)) return;
  const has = user.scopes.length ? user.scopes.join(", ") : "none";
  throw new AppError("forbidden", `This API token lacks the "${needed}" scope (it has: ${has}); create a token with it in Settings`, {
    missingScope: needed,
  });
}

export function bearerToken(req: Request): string | null {
  const header = req.headers.get("authorization");
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

export function checkSameOrigin(req: Request): void {
  if (safeMethods.has(req.method)) return;
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = origin ? new URL(origin).host : null;
  } catch {}
  if (!originHost || !host || originHost !== host) {
    throw new AppError("forbidden", "Cross-site request refused: the Origin header does not match this site");
  }
}

/** The caller, refused with 401 when unknown and with 403 when its token lacks `needs`. */
export async function authenticateRequest(req: Request, needs: TokenScope): Promise<RequestUser> {
  const header = req.headers.get("authorization");
  if (header) {
    const token = bearerToken(req);
    const user = token ? await userFromApiToken(token) : null;
    if (!user) throw unauthorized("The API token is not valid (it may have been revoked)");
    requireScope(user, needs);
    return user;
  }
  // No session cookie: answer 401 without asking Auth.js (which also needs a Next request scope).
  if (!sessionCookiePattern.test(req.headers.get("cookie") ?? "")) throw unauthorized();
  const session = await auth();
  const id = session?.user?.id;
  if (!id) throw unauthorized();
  // The JWT can outlive a deleted account.
  const [user] = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, id)).limit(1);
  if (!user) throw unauthorized();
  checkSameOrigin(req);
  return { id: user.id, email: user.email, via: "session", scopes: allTokenScopes };
}
