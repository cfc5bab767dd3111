/**
 * Runs before every test file (in that file's module registry, so lib/env parses
 * what is set here). Each file gets its own database: in-memory PGlite, or, when the
 * suite was started with DATABASE_URL, a fresh database on that server (see tests/db.ts).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

process.env.TEST_BASE_DATABASE_URL ??= process.env.DATABASE_URL ?? "";
delete process.env.DATABASE_URL;
delete process.env.DATABASE_URL_UNPOOLED;
// Decided here, before the test file's imports run (they may parse lib/env at import
// time): this file's own database on the server, created by useTestDb() in beforeAll.
if (process.env.TEST_BASE_DATABASE_URL) {
  const url = new URL(process.env.TEST_BASE_DATABASE_URL);
  url.pathname = `/omihub_t_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  process.env.DATABASE_URL = url.toString();
  // Pooled mode (scripts/test-all.ts sets TEST_POOLER_URL): the app reaches this database
  // through the transaction pooler; migrations and LISTEN go direct.
  if (process.env.TEST_POOLER_URL) {
    const pooled = new URL(process.env.TEST_POOLER_URL);
    pooled.pathname = url.pathname;
    process.env.DATABASE_URL_UNPOOLED = url.toString();
    process.env.DATABASE_URL = pooled.toString();
  }
}
delete process.env.VERCEL;
process.env.PGLITE_DIR = "memory://";
process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), "omihub-test-"));
process.env.AUTH_SECRET = "test-secret-that-is-long-enough-for-hkdf";
process.env.DISABLE_SCHEDULER = "1";
process.env.LOG_LEVEL ??= "error";
// Tests opt into Omi API credentials and webhook tokens explicitly.
for (const key of [
  "OMI_APP_ID",
  "OMI_APP_SECRET",
  "OMI_WEBHOOK_TOKEN",
  "OMI_SIGNING_SECRET",
  "NOTIFY_API_KEY",
  "APP_URL",
  "ADMIN_EMAILS",
  "CRON_SECRET",
]) {
  delete process.env[key];
}
