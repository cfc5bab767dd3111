import type { NextConfig } from "next";

/**
 * `next dev` serves its own resources (the HMR socket, client chunks) only to pages
 * opened from hosts it knows, localhost by default: opened at 127.0.0.1 or through a
 * tunnel, the dashboard would hydrate nothing and stay in its skeletons. Next loads this
 * file on its own, before the app and outside its bundles, so it reads APP_URL here
 * instead of importing lib/env.ts (a server-only module that validates the whole app's
 * configuration); a malformed APP_URL is lib/env.ts's to report.
 */
function devHosts(): string[] {
  const hosts = ["localhost", "127.0.0.1"];
  try {
    if (process.env.APP_URL) hosts.push(new URL(process.env.APP_URL).hostname);
  } catch {}
  return hosts;
}

const nextConfig: NextConfig = {
  allowedDevOrigins: devHosts(),
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
