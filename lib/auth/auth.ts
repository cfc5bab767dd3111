/**
 * Auth.js (next-auth v5). Email + password through Credentials (JWT sessions, as
 * Credentials requires); GitHub and Google switch on when their env vars are set and
 * use the Drizzle adapter for their accounts.
 */
import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { realDb } from "@/db/client";
import { authAccounts, authSessions, authVerificationTokens, users } from "@/db/schema";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { log } from "@/lib/log";
import { authenticatePassword } from "./credentials";

class WrongCredentials extends CredentialsSignin {
  override code = "wrong_credentials";
}
class TooManyAttempts extends CredentialsSignin {
  override code = "rate_limited";
}

const providers: NextAuthConfig["providers"] = [
  Credentials({
    credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
    async authorize(credentials, request) {
      const address = clientAddress(request.headers);
      const result = await authenticatePassword({ email: credentials.email, password: credentials.password, address });
      if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name };
      throw result.reason === "rate_limited" ? new TooManyAttempts() : new WrongCredentials();
    },
  }),
];
if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) {
  providers.push(GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }));
}
if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) {
  providers.push(Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }));
}

export const oauthProviders = providers.flatMap((p) => {
  const id = typeof p === "function" ? p().id : p.id;
  return id === "credentials" ? [] : [{ id, name: id === "github" ? "GitHub" : "Google" }];
});

// Lazy config: the database opens on the first auth request, never during `next build`.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  adapter: DrizzleAdapter(realDb(), {
    usersTable: users,
    accountsTable: authAccounts,
    sessionsTable: authSessions,
    verificationTokensTable: authVerificationTokens,
  }),
  secret: env.AUTH_SECRET,
  // We run behind whatever host the person uses (localhost, a tunnel, Vercel).
  trustHost: true,
  session: { strategy: "jwt" },
  pages: { signIn: "/sign-in" },
  providers,
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
    // Only relative redirects: never send a person to another site after sign-in.
    redirect({ url, baseUrl }) {
      if (url.startsWith("/") && !url.startsWith("//")) return `${baseUrl}${url}`;
      try {
        if (new URL(url).origin === baseUrl) return url;
      } catch {}
      return `${baseUrl}/memories`;
    },
  },
  logger: {
    error: (error) => {
      // A wrong password and an unreadable session cookie (junk, or signed with an older
      // AUTH_SECRET: the visitor is simply signed out) are expected outcomes, not errors.
      const type = (error as { type?: string }).type ?? error.name;
      if (type === "CredentialsSignin" || type === "JWTSessionError") {
        log.debug("auth: expected failure", { type });
        return;
      }
      log.error("auth error", { type, message: error.message });
    },
  },
}));
