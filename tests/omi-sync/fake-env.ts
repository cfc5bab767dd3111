/**
 * For vi.hoisted in the sync tests: starts the fake Omi and points env at it (lib/env
 * reads process.env once, on first import, so this runs before any other import).
 */
import { startFakeOmi } from "@/scripts/fake-omi/server";

export const APP_TOKEN = "app-wide-test-token";

/** Published-app mode (Omi credentials, app-wide webhook token), plus `extra` env. */
export async function fakeOmiWithEnv(extra: Record<string, string> = {}) {
  const started = await startFakeOmi({ appId: "test-app", apiKey: "test-secret" });
  Object.assign(process.env, {
    OMI_API_URL: started.url,
    OMI_APP_ID: "test-app",
    OMI_APP_SECRET: "test-secret",
    OMI_WEBHOOK_TOKEN: APP_TOKEN,
    ...extra,
  });
  return started;
}
