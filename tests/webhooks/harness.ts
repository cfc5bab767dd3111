/**
 * The webhook tests' setup: their env, Omi's fixtures, and send() with their defaults
 * (the app-wide token, UID) over the one webhook sender (./sender.ts). Everything that
 * reads env or the database is imported lazily, after useTestDb() has chosen the
 * database and the test file has set its env.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { WebhookEvent } from "@/lib/constants";
import { postWebhook, type WebhookAnswer } from "./sender";

export { routeHandler } from "./sender";

export const UID = "Xq7nP2vLm9RzT4kB8wYc3JdF1aH6";

/** A published app's env for tests: the app token plus the Omi credentials it requires. */
export function setAppTokenEnv(token: string): void {
  process.env.OMI_WEBHOOK_TOKEN = token;
  process.env.OMI_APP_ID ??= "test-app";
  process.env.OMI_APP_SECRET ??= "test-app-secret";
  process.env.OMI_API_URL ??= "http://127.0.0.1:9";
}
export const APP_TOKEN = "app-wide-test-token";
export const APP_SECRET = "whsec_app_wide_test_secret";

/**
 * Call before anything imports lib/env. An app token needs Omi app credentials (lib/env.ts);
 * they point at a closed local port, since nothing here should reach Omi.
 */
export function setWebhookEnv(extra: Record<string, string> = {}): void {
  setAppTokenEnv(APP_TOKEN);
  process.env.OMI_SIGNING_SECRET = APP_SECRET;
  process.env.WEBHOOK_MAX_BODY_BYTES ??= String(1024 * 1024);
  Object.assign(process.env, extra);
}

const fixtureDir = path.resolve(import.meta.dirname, "../fixtures/omi");

export function fixtureNames(): string[] {
  return readdirSync(fixtureDir).filter((f) => f.endsWith(".json"));
}

/** A fixture as Omi puts it on the wire: compact UTF-8 JSON. */
export function fixtureBody(name: string): string {
  return JSON.stringify(fixtureJson(name));
}

export function fixtureJson<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(path.join(fixtureDir, name), "utf8")) as T;
}

export type SendOptions = {
  /** Token in the path (/api/webhooks/<event>/<token>); default the app-wide token. null: none. */
  pathToken?: string | null;
  /** Raw query string after the path, e.g. "?uid=U" or "?token=T?uid=U". Default `?uid=${UID}`. */
  query?: string;
  body?: string | Uint8Array;
  contentType?: string | null;
  headers?: Record<string, string>;
  trailingSlash?: boolean;
};

export type Sent = WebhookAnswer;

/** Sends as the app-wide token for UID unless told otherwise. */
export function send(event: WebhookEvent, options: SendOptions = {}): Promise<Sent> {
  const { pathToken, query, ...rest } = options;
  return postWebhook(event, { ...rest, token: pathToken === undefined ? APP_TOKEN : pathToken, query: query ?? `?uid=${UID}` });
}

/** `seconds` of a 440 Hz PCM16 tone, little-endian mono. */
export function tone(seconds: number, sampleRate = 16000): Uint8Array {
  const samples = Math.round(seconds * sampleRate);
  const buf = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) buf.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / sampleRate)), i * 2);
  return new Uint8Array(buf);
}

export async function database() {
  const client = await import("@/db/client");
  const schema = await import("@/db/schema");
  return { db: client.db, rows: client.rows, ...schema };
}

/** The delivery log row of a response (by its X-Delivery-Id). */
export async function deliveryOf(sent: Sent) {
  const { db, deliveries } = await database();
  const { eq } = await import("drizzle-orm");
  const id = sent.res.headers.get("x-delivery-id");
  if (!id) throw new Error("No X-Delivery-Id on the response");
  const [row] = await db.select().from(deliveries).where(eq(deliveries.id, id));
  if (!row) throw new Error(`No delivery log row ${id}`);
  return row;
}
