/**
 * A deployment's functions do not carry the embedded database. On Vercel every
 * function is built from the file traces of `npm run build` (<dist dir>/**\/*.nft.json),
 * and a deployment always has DATABASE_URL, so PGlite (~27 MB of WASM and extensions)
 * would only make each function bigger and slower to start. next.config.ts excludes it
 * from the routes' traces; scripts/trim-traces.mjs from instrumentation's, which Next.js
 * leaves alone and Vercel adds to every function. It reads the build this run serves.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";

const distDir = process.env.NEXT_DIST_DIR ?? ".next";

function tracesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? tracesUnder(full) : e.name.endsWith(".nft.json") ? [full] : [];
  });
}

test("no function's file trace carries PGlite", () => {
  const traces = tracesUnder(path.join(distDir, "server"));
  expect(traces.length, `traces under ${distDir}/server (run npm run build first)`).toBeGreaterThan(20);
  expect(
    traces.map((t) => path.basename(t)),
    "instrumentation is traced",
  ).toContain("instrumentation.js.nft.json");
  const carrying = traces.flatMap((trace) => {
    const { files } = JSON.parse(readFileSync(trace, "utf8")) as { files: string[] };
    const pglite = files.filter((f) => f.includes("@electric-sql/pglite"));
    return pglite.length ? [`${path.relative(distDir, trace)}: ${pglite.length} files, e.g. ${pglite[0]}`] : [];
  });
  expect(carrying).toEqual([]);
});
