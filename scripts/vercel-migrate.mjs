// Runs before `next build`. On Vercel, production builds apply migrations to
// DATABASE_URL (preview builds do not touch the production database). Elsewhere
// migrations run before `npm run dev` / `npm start` instead, so this does nothing.
import { spawnSync } from "node:child_process";

const onVercel = Boolean(process.env.VERCEL);
if (!onVercel) process.exit(0);
if (process.env.VERCEL_ENV !== "production") {
  console.log(`migrate: skipped for a ${process.env.VERCEL_ENV ?? "non-production"} Vercel build`);
  process.exit(0);
}
const r = spawnSync("npx", ["tsx", "--require", "./scripts/server-only.cjs", "db/migrate.ts"], { stdio: "inherit" });
process.exit(r.status ?? 1);
