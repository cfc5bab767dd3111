import { defineConfig } from "drizzle-kit";
// db/schema.ts starts with `import "server-only"`; outside Next this preload answers it
// with an empty module (see the file). drizzle-kit reads this config before the schema.
import "./scripts/server-only.cjs";

// Generation only compares schema.ts with the committed snapshots; it needs no database.
// Migrations are applied by db/migrate.ts (npm run db:migrate), not by drizzle-kit.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
