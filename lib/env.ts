/**
 * The one place that reads process.env. Everything else imports `env`.
 *
 * Parsed once, with zod. Runs in route handlers, server components, scripts and
 * tests alike, so it must not import anything Next-specific.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const optionalUrl = z.preprocess(emptyToUndefined, z.url().optional());
const flag = z.preprocess(
  emptyToUndefined,
  z
    .enum(["1", "0", "true", "false", "yes", "no"])
    .optional()
    .transform((v) => v === "1" || v === "true" || v === "yes"),
);
const int = (fallback: number, min = 0) => z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).default(fallback));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Set by Vercel on every build and function. */
  VERCEL: flag,
  VERCEL_ENV: optionalString,

  /** Postgres connection string. Without it the app uses the embedded PGlite database. */
  DATABASE_URL: optionalUrl,
  /** Direct (non-pooled) connection used for LISTEN; poolers drop LISTEN. */
  DATABASE_URL_UNPOOLED: optionalUrl,
  /** Where PGlite keeps its files when DATABASE_URL is not set; `memory://` for tests. */
  PGLITE_DIR: z.preprocess(emptyToUndefined, z.string().default("./.data/pglite")),
  /** Folder for generated local state (the generated AUTH_SECRET). */
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default("./.data")),

  AUTH_SECRET: optionalString,
  /** Public base URL of this app, e.g. https://hub.example.com. Used to build webhook URLs. */
  APP_URL: optionalUrl,
  AUTH_GITHUB_ID: optionalString,
  AUTH_GITHUB_SECRET: optionalString,
  AUTH_GOOGLE_ID: optionalString,
  AUTH_GOOGLE_SECRET: optionalString,
  /**
   * No longer read: operators are a database flag (`npm run user -- grant-operator <email>`),
   * because an address typed into the sign-up form proves nothing. Kept only to warn.
   */
  ADMIN_EMAILS: optionalString,
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For (a tunnel such
   * as ngrok or cloudflared, nginx, Caddy: usually 1). 0: the header is not trusted at all.
   * On Vercel the platform's own header is used instead (lib/http/client-address.ts).
   */
  TRUST_PROXY_HOPS: int(0, 0),

  OMI_API_URL: z.preprocess(emptyToUndefined, z.url().default("https://api.omi.me")),
  OMI_APP_ID: optionalString,
  OMI_APP_SECRET: optionalString,
  /** App-wide webhook token for a published Omi app (one URL for every user). */
  OMI_WEBHOOK_TOKEN: optionalString,
  /** App-wide Omi signing secret (whsec_…) for X-Omi-Signature. */
  OMI_SIGNING_SECRET: optionalString,
  /** Server-to-server key for POST /api/notifications/send. */
  NOTIFY_API_KEY: optionalString,
  /** Vercel Cron sends it as a Bearer token to the scheduled route. */
  CRON_SECRET: optionalString,
  /**
   * Omi's RATE_LIMIT_BOOST on the API you call: our per-key Developer API budget is 80 % of
   * Omi's base hourly limits times this (lib/omi-sync/budget.ts). 1 = the limits in Omi's code.
   */
  OMI_DEV_API_RATE_BOOST: int(1, 1),
  /** Hours of Omi's conversations (by created_at) each hourly reconcile re-reads. */
  OMI_RECONCILE_WINDOW_HOURS: int(48, 1),

  DELIVERY_RETENTION_DAYS: int(30, 1),
  WEBHOOK_MAX_BODY_BYTES: int(25 * 1024 * 1024, 1024),
  LIVE_SESSION_GAP_MINUTES: int(5, 1),
  AUDIO_GAP_SECONDS: int(60, 1),
  /** Per-account cap on simultaneous live (SSE) streams. */
  LIVE_MAX_STREAMS_PER_ACCOUNT: int(5, 1),
  /** Seconds a webhook delivery's signature timestamp may differ from now. */
  SIGNATURE_TOLERANCE_SECONDS: int(300, 1),
  /** Off switch for the in-process scheduled-work timer (tests that drive it themselves). */
  DISABLE_SCHEDULER: flag,
  /** Serves /api/bench/noop (the framework-ceiling route for `npm run bench`); off in normal runs. */
  BENCH_ROUTES: flag,
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
});

export type Env = z.infer<typeof schema> & { AUTH_SECRET: string };

export class EnvError extends Error {
  override name = "EnvError";
}

function loadOrCreateLocalSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) {
    const existing = readFileSync(file, "utf8").trim();
    if (existing) return existing;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  // wx: if two processes race on first start, the loser re-reads the winner's file.
  try {
    writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
    return secret;
  } catch {
    return readFileSync(file, "utf8").trim();
  }
}

function parseEnv(source: NodeJS.ProcessEnv): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment variables:\n${lines.join("\n")}\nSee .env.example.`);
  }
  const e = parsed.data;
  if (e.VERCEL) {
    // Vercel's disk does not persist: the embedded database and a generated secret would vanish.
    const missing = [!e.DATABASE_URL && "DATABASE_URL", !e.AUTH_SECRET && "AUTH_SECRET"].filter(Boolean);
    if (missing.length) {
      const hints = {
        DATABASE_URL: "DATABASE_URL: a Postgres connection string, e.g. from Neon or Supabase",
        AUTH_SECRET: "AUTH_SECRET: a random secret, e.g. the output of `openssl rand -base64 32`",
      } as Record<string, string>;
      throw new EnvError(
        `Missing ${missing.join(" and ")}. On Vercel the disk does not persist, so set in Project Settings → Environment Variables:\n` +
          missing.map((m) => `  ${hints[m as string]}`).join("\n"),
      );
    }
  }
  if (e.OMI_WEBHOOK_TOKEN && !(e.OMI_APP_ID && e.OMI_APP_SECRET)) {
    // Omi's uids are not secret. Without credentials no link can be verified by a code, so
    // the first account to link a uid would read (and delete) everything the app receives for it.
    const missing = [!e.OMI_APP_ID && "OMI_APP_ID", !e.OMI_APP_SECRET && "OMI_APP_SECRET"].filter(Boolean).join(" and ");
    throw new EnvError(
      `OMI_WEBHOOK_TOKEN is set, but ${missing} ${missing.includes(" and ") ? "are" : "is"} not.\n` +
        "  A published Omi app receives data for every person who enables it. Omi Hub proves who owns an Omi account by\n" +
        "  pushing a code to that person's phone through Omi's API, which needs OMI_APP_ID and OMI_APP_SECRET (your app's id\n" +
        "  and API key). Without them anyone could link any uid first and read that person's data.\n" +
        "  Set OMI_APP_ID and OMI_APP_SECRET, or unset OMI_WEBHOOK_TOKEN to use personal webhook URLs only.",
    );
  }
  return { ...e, AUTH_SECRET: e.AUTH_SECRET ?? loadOrCreateLocalSecret(e.DATA_DIR) };
}

export const env: Env = parseEnv(process.env);

/** True when the Omi API credentials needed to push notifications (and so to verify links) exist. */
export const omiApiConfigured = Boolean(env.OMI_APP_ID && env.OMI_APP_SECRET);
