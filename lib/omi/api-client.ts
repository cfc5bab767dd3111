/**
 * Omi's API (docs/OMI.md §6): the notification call. One request per call and no
 * retries here: callers (link codes, the notification engine) decide when to try again,
 * with the `kind`, `retryAfterSeconds` and `rateLimit` this returns.
 */
import { env } from "@/lib/env";

export type OmiRateLimit = { limit: number; remaining: number; resetSeconds: number };

export type OmiFailureKind =
  "unauthorized" | "forbidden" | "not_found" | "rate_limited" | "validation" | "server" | "timeout" | "network" | "not_configured";

export type OmiSendResult =
  | { ok: true; status: 200; rateLimit?: OmiRateLimit }
  | {
      ok: false;
      status: number | null;
      kind: OmiFailureKind;
      /** In words, for people: "the app is not enabled for this user". */
      explanation: string;
      /** Omi's own answer (its `detail`), when there was one. */
      detail?: string;
      retryAfterSeconds?: number;
      rateLimit?: OmiRateLimit;
    };

export type OmiClientConfig = { baseUrl: string; appId?: string; appSecret?: string; timeoutMs?: number };

const defaultTimeoutMs = 10_000;

function configFromEnv(): OmiClientConfig {
  return { baseUrl: env.OMI_API_URL, appId: env.OMI_APP_ID, appSecret: env.OMI_APP_SECRET };
}

/** Pushes `message` to the Omi user `uid` ("<App name> says …" on their phone). */
export async function sendNotification(
  { uid, message }: { uid: string; message: string },
  config: OmiClientConfig = configFromEnv(),
): Promise<OmiSendResult> {
  if (!config.appId || !config.appSecret) {
    return { ok: false, status: null, kind: "not_configured", explanation: "Omi API credentials (OMI_APP_ID, OMI_APP_SECRET) are not set" };
  }
  const url = new URL(`/v2/integrations/${encodeURIComponent(config.appId)}/notification`, config.baseUrl);
  // The message goes in the query string; the body is empty (§6).
  url.searchParams.set("uid", uid);
  url.searchParams.set("message", message);

  let res: Response;
  try {
    res = await fetch(url, {
      method: "POST",
      headers: { authorization: `Bearer ${config.appSecret}` },
      signal: AbortSignal.timeout(config.timeoutMs ?? defaultTimeoutMs),
    });
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
    return timedOut
      ? { ok: false, status: null, kind: "timeout", explanation: "Omi did not answer in time" }
      : { ok: false, status: null, kind: "network", explanation: "Omi could not be reached", detail: errorText(err) };
  }

  const rateLimit = readRateLimit(res.headers);
  const detail = await readDetail(res);
  if (res.ok) return { ok: true, status: 200, ...(rateLimit ? { rateLimit } : {}) };

  const base = { ok: false as const, status: res.status, ...(detail ? { detail } : {}), ...(rateLimit ? { rateLimit } : {}) };
  switch (true) {
    case res.status === 401:
      return { ...base, kind: "unauthorized", explanation: "Omi refused the request: the API key header is missing or malformed" };
    case res.status === 403:
      return /enabled/i.test(detail ?? "")
        ? { ...base, kind: "forbidden", explanation: "the app is not enabled for this user yet" }
        : {
            ...base,
            kind: "forbidden",
            explanation: "Omi refused the request: a wrong API key, the app is not enabled for this user, or a missing capability",
          };
    case res.status === 404:
      return { ...base, kind: "not_found", explanation: "Omi does not know this app id (check OMI_APP_ID)" };
    case res.status === 422:
      return { ...base, kind: "validation", explanation: "Omi rejected the request as invalid" };
    case res.status === 429: {
      const retryAfterSeconds = positiveInt(res.headers.get("retry-after")) ?? rateLimit?.resetSeconds;
      return {
        ...base,
        kind: "rate_limited",
        explanation: "Omi's limit of notifications per hour for this user is used up",
        ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
      };
    }
    default: {
      const retryAfterSeconds = positiveInt(res.headers.get("retry-after"));
      return {
        ...base,
        kind: "server",
        explanation: `Omi answered with an error (HTTP ${res.status})`,
        ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
      };
    }
  }
}

function readRateLimit(headers: Headers): OmiRateLimit | undefined {
  const limit = positiveInt(headers.get("x-ratelimit-limit"));
  const remaining = positiveInt(headers.get("x-ratelimit-remaining"));
  const resetSeconds = positiveInt(headers.get("x-ratelimit-reset"));
  if (limit === undefined || remaining === undefined || resetSeconds === undefined) return undefined;
  return { limit, remaining, resetSeconds };
}

function positiveInt(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}

/** Omi's `detail` (a string, or FastAPI's list of validation issues), else the text, capped. */
async function readDetail(res: Response): Promise<string | undefined> {
  let text: string;
  try {
    text = await res.text();
  } catch {
    return undefined;
  }
  if (!text) return undefined;
  try {
    const body = JSON.parse(text) as { detail?: unknown };
    if (typeof body.detail === "string") return body.detail.slice(0, 500);
    if (body.detail !== undefined) return JSON.stringify(body.detail).slice(0, 500);
  } catch {}
  return text.slice(0, 500);
}

function errorText(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}
