import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const fakeOmiPort = Number(process.env.E2E_FAKE_OMI_PORT ?? port + 99);
export const baseURL = `http://127.0.0.1:${port}`;

/** Debian's Chromium (no browser downloads here), with the flags this closed network needs. */
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};

export default defineConfig({
  testDir: "e2e",
  // The pooled pass (scripts/test-all.ts) runs the app through PgBouncer. These specs start
  // servers of their own on a direct connection (faults, the import restart, the pooled
  // spec, which makes its own pooler) or read only the build's files: a second run proves nothing.
  testIgnore: process.env.E2E_POOLER_URL
    ? [
        /faults\.spec/,
        /omi-sync-restart\.spec/,
        /pooled\.spec/,
        /client-bundle\.spec/,
        /function-traces\.spec/,
        /api-dynamic\.spec/,
        /security-headers\.spec/,
      ]
    : undefined,
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    video: "off",
    launchOptions: chromium,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: chromium } }],
  webServer: [
    {
      command: `npx tsx --require ./scripts/server-only.cjs scripts/fake-omi.ts --port ${fakeOmiPort}`,
      url: `http://127.0.0.1:${fakeOmiPort}/__fake/health`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: "npx tsx --require ./scripts/server-only.cjs scripts/e2e-server.ts",
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 300_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      env: {
        E2E_PORT: String(port),
        E2E_ENV_OMI_API_URL: `http://127.0.0.1:${fakeOmiPort}`,
        E2E_ENV_OMI_APP_ID: "e2e-app",
        E2E_ENV_OMI_APP_SECRET: "e2e-app-secret",
        E2E_ENV_OMI_WEBHOOK_TOKEN: "e2e-app-webhook-token",
        E2E_ENV_NOTIFY_API_KEY: "e2e-notify-key",
        // As behind one tunnel or proxy: sign-in limits key on the address it appends.
        E2E_ENV_TRUST_PROXY_HOPS: "1",
        // No longer grants anything (e2e/trust.spec.ts signs up with it, as an attacker would).
        E2E_ENV_ADMIN_EMAILS: "e2e-admin@example.test",
      },
    },
  ],
});
