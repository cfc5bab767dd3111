import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
import { securityHeaders } from "./lib/http/security-headers";

// Build-time configuration reads process.env directly: lib/env.ts is for the running app.
const onVercel = Boolean(process.env.VERCEL);

export default function config(phase: string): NextConfig {
  const headers = securityHeaders({ dev: phase === PHASE_DEVELOPMENT_SERVER });
  return {
    // PGlite ships WASM and must be loaded by Node, not bundled (bundled, it fails under
    // webpack and is copied into the public static files under Turbopack).
    serverExternalPackages: ["@electric-sql/pglite"],
    // On Vercel the database is always DATABASE_URL, and db/client.ts loads PGlite only
    // without one: leave its 20 MB of WASM out of every function.
    ...(onVercel ? { outputFileTracingExcludes: { "*": ["node_modules/@electric-sql/pglite/**"] } } : {}),
    // Tests and parallel builds can use their own output folder; apps use the default.
    distDir: process.env.NEXT_DIST_DIR || ".next",
    poweredByHeader: false,
    // Omi does not follow redirects: never 308 between /path and /path/.
    skipTrailingSlashRedirect: true,
    typedRoutes: false,
    // Every page and route: no framing, no sniffing, no referrer off-site (lib/http/security-headers.ts).
    async headers() {
      return [{ source: "/:path*", headers }];
    },
  };
}
