import { createRequire, Module } from "node:module";
import path from "node:path";
import { defineConfig } from "drizzle-kit";

// db/schema.ts starts with `import "server-only"`, a marker that throws unless it is
// resolved under the "react-server" condition (Next's server build, and our tsx scripts
// with --conditions=react-server). drizzle-kit reads the schema with plain require(),
// so the marker is answered here with an empty module before the schema loads.
const require = createRequire(path.resolve("drizzle.config.ts"));
const marker = require.resolve("server-only");
require.cache[marker] ??= Object.assign(new Module(marker), { loaded: true, exports: {} });

// Generation only compares schema.ts with the committed snapshots; it needs no database.
// Migrations are applied by db/migrate.ts (npm run db:migrate), not by drizzle-kit.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
