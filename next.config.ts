import type { NextConfig } from "next";

// Build-time configuration reads process.env directly: lib/env.ts is for the running app.
const onVercel = Boolean(process.env.VERCEL);

const nextConfig: NextConfig = {
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
};

export default nextConfig;
