import { createRequire } from "node:module";
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
    // next-auth imports "next/server" without an extension, which Node's ESM loader rejects;
    // inlined, Vite resolves it (route handlers that use auth() can then be imported in tests).
    server: { deps: { inline: ["next-auth"] } },
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
