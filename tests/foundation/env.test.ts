import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function runStart(env: Record<string, string | undefined>) {
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete merged[k];
  return spawnSync("npx", ["tsx", "--require", "./scripts/server-only.cjs", "db/migrate.ts"], {
    env: merged,
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("env on Vercel", () => {
  it("stops with a message naming DATABASE_URL when it is missing", () => {
    const r = runStart({ VERCEL: "1", DATABASE_URL: undefined, AUTH_SECRET: "x".repeat(32) });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("DATABASE_URL");
    expect(r.stderr).not.toContain("AUTH_SECRET");
  });

  it("names AUTH_SECRET too when both are missing", () => {
    const r = runStart({ VERCEL: "1", DATABASE_URL: undefined, AUTH_SECRET: undefined });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/DATABASE_URL and AUTH_SECRET/);
  });
});

describe("env of a published Omi app", () => {
  it("refuses OMI_WEBHOOK_TOKEN without OMI_APP_ID and OMI_APP_SECRET, saying what to set and why", () => {
    const r = runStart({ OMI_WEBHOOK_TOKEN: "app-token", OMI_APP_ID: undefined, OMI_APP_SECRET: undefined, AUTH_SECRET: "x".repeat(32) });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("OMI_WEBHOOK_TOKEN is set, but OMI_APP_ID and OMI_APP_SECRET are not");
    expect(r.stderr).toMatch(/anyone could link any uid first/);
    const one = runStart({ OMI_WEBHOOK_TOKEN: "app-token", OMI_APP_ID: "app", OMI_APP_SECRET: undefined, AUTH_SECRET: "x".repeat(32) });
    expect(one.status).not.toBe(0);
    expect(one.stderr).toContain("but OMI_APP_SECRET is not");
  });
});
