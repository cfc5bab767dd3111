import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and must be loaded by Node, not bundled (STACK-NOTES).
  serverExternalPackages: ["@electric-sql/pglite"],
  // Tests and parallel builds can use their own output folder; apps use the default.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Omi does not follow redirects: never 308 between /path and /path/.
  skipTrailingSlashRedirect: true,
  typedRoutes: false,
};

export default nextConfig;
