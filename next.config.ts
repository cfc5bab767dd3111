import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
import { securityHeaders } from "./lib/http/security-headers";

// Next loads this file on its own, before the app and outside its bundles, so it reads
// process.env directly instead of importing lib/env.ts (a server-only module that
// validates the whole app's configuration; a malformed APP_URL is its to report).

/**
 * `next dev` serves its own resources (the HMR socket, client chunks) only to pages
 * opened from hosts it knows, localhost by default: opened at 127.0.0.1 or through a
 * tunnel, the dashboard would hydrate nothing and stay in its skeletons.
 */
function devHosts(): string[] {
  const hosts = ["localhost", "127.0.0.1"];
  try {
    if (process.env.APP_URL) hosts.push(new URL(process.env.APP_URL).hostname);
  } catch {}
  return hosts;
}

export default function config(phase: string): NextConfig {
  const headers = securityHeaders({ dev: phase === PHASE_DEVELOPMENT_SERVER });
  return {
    allowedDevOrigins: devHosts(),
    // PGlite ships WASM and must be loaded by Node, not bundled (bundled, it fails under
    // webpack and is copied into the public static files under Turbopack).
    serverExternalPackages: ["@electric-sql/pglite"],
    // File tracing decides what a serverless function (Vercel's) carries. There the
    // database is always DATABASE_URL, and db/client.ts loads PGlite only without one:
    // leave its 20 MB of WASM out of every function. `next dev` and `next start` do not
    // use the traces, so the embedded database still works there.
    // (Turbopack traces the external through an alias, node_modules/@electric-sql/pglite-<hash>.)
    // Next.js skips this option for the instrumentation entry: scripts/trim-traces.mjs,
    // run by `npm run build`, drops the same files from that trace.
    outputFileTracingExcludes: { "*": ["node_modules/@electric-sql/pglite/**", "**/@electric-sql/pglite*"] },
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
