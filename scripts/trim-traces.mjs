// Runs after `next build`. File traces (.next/**/*.nft.json) decide what a serverless
// function (Vercel's) carries. next.config.ts leaves PGlite (~27 MB of WASM and
// extensions) out of every route's trace with outputFileTracingExcludes, but Next.js
// does not apply that option to the instrumentation entry (vercel/next.js#92616), and
// Vercel adds instrumentation's trace to every function. instrumentation.ts reaches
// db/client.ts, which loads PGlite only when DATABASE_URL is unset, and a deployment
// always sets it: the same files are dropped here. `next start` reads no traces.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const distDir = process.env.NEXT_DIST_DIR || ".next";
const trace = path.join(distDir, "server", "instrumentation.js.nft.json");
if (!existsSync(trace)) process.exit(0);
const content = JSON.parse(readFileSync(trace, "utf8"));
// Turbopack traces the external through an alias folder, @electric-sql/pglite-<hash>.
const pglite = /(^|\/)@electric-sql\/pglite/;
const kept = content.files.filter((f) => !pglite.test(f));
if (kept.length !== content.files.length) {
  writeFileSync(trace, JSON.stringify({ ...content, files: kept }));
  console.log(`trim-traces: left ${content.files.length - kept.length} PGlite files out of ${trace}`);
}
