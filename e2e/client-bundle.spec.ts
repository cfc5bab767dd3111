/**
 * No server code in the browser: every JavaScript file the production build serves to
 * browsers (<dist dir>/static) is free of drizzle and of the database's table names.
 * Server modules are marked `import "server-only"`, which makes `next build` fail when a
 * client component imports one; this catches what slips past that (a value imported from
 * db/schema.ts through a module without the marker). It reads the build this run serves.
 *
 * Table names are matched as quoted string literals and only where they hold an
 * underscore ("day_summaries"): one-word tables ("memories") share their names with API
 * paths and query keys, and a bundled table always brings drizzle's name with it anyway.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";

const distDir = process.env.NEXT_DIST_DIR ?? ".next";

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : e.name.endsWith(".js") ? [full] : [];
  });
}

function tableNames(): string[] {
  const schema = readFileSync("db/schema.ts", "utf8");
  return [...schema.matchAll(/pgTable\(\s*"([^"]+)"/g)].map((m) => m[1]!);
}

test("no client chunk contains drizzle or a table name", () => {
  const tables = tableNames().filter((t) => t.includes("_"));
  expect(tables.length, "table names read from db/schema.ts").toBeGreaterThan(10);
  const chunks = filesUnder(path.join(distDir, "static"));
  expect(chunks.length, `client chunks under ${distDir}/static (run next build first)`).toBeGreaterThan(5);

  const markers = [/drizzle/i, /pg-core/, ...tables.map((t) => new RegExp(`["'\`]${t}["'\`]`))];
  const found = chunks.flatMap((file) => {
    const text = readFileSync(file, "utf8");
    return markers.filter((m) => m.test(text)).map((m) => `${path.relative(distDir, file)}: ${m.source}`);
  });
  expect(found).toEqual([]);
});
