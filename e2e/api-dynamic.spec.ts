/**
 * No route handler under /api may be prerendered at build time: its answer would be
 * frozen (a health check that never asks the database, a list that never changes).
 * Next 16 runs route handlers on every request unless told otherwise; this reads the
 * production build's prerender manifest to prove nothing under /api was made static.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";

test("the production build prerenders no /api route", () => {
  const manifest = JSON.parse(readFileSync(path.join(process.env.NEXT_DIST_DIR ?? ".next", "prerender-manifest.json"), "utf8")) as {
    routes: Record<string, unknown>;
    dynamicRoutes: Record<string, unknown>;
  };
  const prerendered = [...Object.keys(manifest.routes), ...Object.keys(manifest.dynamicRoutes)];
  expect(prerendered.length, "the manifest lists the error pages at least").toBeGreaterThan(0);
  expect(prerendered.filter((p) => p.startsWith("/api"))).toEqual([]);
});
