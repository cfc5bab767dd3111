/**
 * One webhook request the way Omi's sender makes it: POST, its headers
 * (Idempotency-Key identical on every retry; X-Omi-Signature, X-Omi-Event and
 * X-Omi-Delivery when signing), redirects NOT followed (a 3xx is a failure), and
 * retries on 5xx/408/429 after 1 s, 5 s and 30 s.
 */
import type { WebhookEvent } from "@/lib/constants";
import { signOmiPayload } from "@/lib/omi/signature";
import type { SimTarget } from "./target";
import { requestUrl } from "./target";

export type SentRequest = {
  event: WebhookEvent;
  url: string;
  status: number;
  body: unknown;
  idempotencyKey: string;
  attempts: number;
  ms: number;
};

const omiEventHeader: Record<WebhookEvent, string> = {
  memory: "memory_created",
  realtime: "realtime_transcript",
  audio: "audio_bytes",
  "day-summary": "day_summary",
  button: "button_event",
};

const retryDelaysMs = [1000, 5000, 30000];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function postWebhook(
  target: SimTarget,
  event: WebhookEvent,
  body: string | Uint8Array,
  { query = {}, idempotencyKey = crypto.randomUUID() }: { query?: Record<string, string>; idempotencyKey?: string } = {},
): Promise<SentRequest> {
  const url = requestUrl(target, event, query);
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  const started = performance.now();
  let attempts = 0;
  for (;;) {
    attempts++;
    const headers: Record<string, string> = {
      "content-type": event === "audio" ? "application/octet-stream" : "application/json",
      "user-agent": "python-httpx/0.28.1",
      accept: "*/*",
      "idempotency-key": idempotencyKey,
    };
    if (target.secret) {
      headers["x-omi-signature"] = signOmiPayload({ secret: target.secret, uid: target.uid, body: bytes });
      headers["x-omi-event"] = omiEventHeader[event];
      headers["x-omi-delivery"] = idempotencyKey;
    }
    let status = 0;
    let parsed: unknown = null;
    try {
      const res = await fetch(url, { method: "POST", headers, body: bytes as BodyInit, redirect: "manual" });
      status = res.status;
      const text = await res.text();
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        parsed = text;
      }
    } catch (err) {
      parsed = { error: String(err) };
    }
    const retryable = status === 0 || status >= 500 || status === 408 || status === 429;
    if (!retryable || target.retries === false || attempts > retryDelaysMs.length) {
      const result = { event, url, status, body: parsed, idempotencyKey, attempts, ms: Math.round(performance.now() - started) };
      target.log?.(
        `${event.padEnd(11)} ${status || "ERR"} ${JSON.stringify(parsed).slice(0, 160)} (${result.ms} ms${attempts > 1 ? `, ${attempts} attempts` : ""})`,
      );
      return result;
    }
    await sleep(retryDelaysMs[attempts - 1]!);
  }
}
