import { defineConfig } from "drizzle-kit";

// Generation only compares schema.ts with the committed snapshots; it needs no database.
// Migrations are applied by db/migrate.ts (npm run db:migrate), not by drizzle-kit.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
