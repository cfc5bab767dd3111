import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
import { securityHeaders } from "./lib/http/security-headers";

export default function config(phase: string): NextConfig {
  const headers = securityHeaders({ dev: phase === PHASE_DEVELOPMENT_SERVER });
  return {
    // PGlite ships WASM and must be loaded by Node, not bundled (STACK-NOTES).
    serverExternalPackages: ["@electric-sql/pglite"],
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
