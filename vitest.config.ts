import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Tests run server code on purpose: the "server-only" marker gets the empty module it
      // is on Next's server (tsx scripts get the same from scripts/server-only.cjs).
      "server-only": path.join(path.dirname(require.resolve("server-only")), "empty.js"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "tests/**/*.test.ts", "scripts/**/*.test.ts", "app/**/*.test.ts"],
    setupFiles: ["tests/setup-env.ts"],
    globalSetup: ["tests/global-setup.ts"],
    // next-auth imports "next/server" without an extension, which Node's ESM loader rejects;
    // inlined, Vite resolves it (route handlers that use auth() can then be imported in tests).
    server: { deps: { inline: ["next-auth"] } },
    pool: "forks",
    // Test files mostly wait on the database: on 2 cores vitest's default ran one file at a
    // time (157 s on Postgres); three at once take 77 s (PGlite 155 → 101 s).
    maxWorkers: Math.max(3, availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
