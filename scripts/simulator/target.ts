/**
 * Where the simulator sends, and how it builds each request URL.
 *
 * `baseUrl` may be:
 *   - the app's base URL, with `token`:          http://localhost:3000  (+ token ohw_…)
 *                                                 → http://localhost:3000/api/webhooks/<event>/<token>
 *   - a template with {event}:                    http://localhost:3000/api/webhooks/{event}/ohw_…
 *   - any one event's webhook URL (as Settings shows it); the event segment is swapped:
 *                                                 http://localhost:3000/api/webhooks/memory/ohw_…
 * The uid (and audio's sample_rate) are added the way Omi adds them: merged into the
 * query by the current sender, or, with `legacy`, always appended with a "?" (and the
 * uid unencoded), as old senders did.
 */
import type { WebhookEvent } from "@/lib/constants";

export type SimTarget = {
  baseUrl: string;
  /** Webhook token, when baseUrl is the app's base URL. */
  token?: string;
  uid: string;
  /** Signing secret (whsec_…): requests carry X-Omi-Signature. */
  secret?: string;
  /** Old-sender query strings ("?uid=" even after a "?"). */
  legacy?: boolean;
  /** Retry 5xx/408/429 like Omi's developer webhook (1 s, 5 s, 30 s). Default true. */
  retries?: boolean;
  /** Called with one line per request. */
  log?: (line: string) => void;
};

const eventSegment = /\/api\/webhooks\/(memory|realtime|audio|day-summary|button)(?=\/|$|\?)/;

export function eventUrl(target: Pick<SimTarget, "baseUrl" | "token">, event: WebhookEvent): string {
  const base = target.baseUrl.trim();
  if (base.includes("{event}")) return base.replaceAll("{event}", event);
  if (eventSegment.test(base)) return base.replace(eventSegment, `/api/webhooks/${event}`);
  const root = base.replace(/\/+$/, "");
  return target.token ? `${root}/api/webhooks/${event}/${encodeURIComponent(target.token)}` : `${root}/api/webhooks/${event}`;
}

/** The URL Omi would POST to, with uid (and extra params like sample_rate) added its way. */
export function requestUrl(target: SimTarget, event: WebhookEvent, extra: Record<string, string> = {}): string {
  const url = eventUrl(target, event);
  const params = { ...extra, uid: target.uid };
  if (target.legacy) {
    return (
      url +
      Object.entries(params)
        .map(([k, v]) => `?${k}=${k === "uid" ? v : encodeURIComponent(v)}`)
        .join("")
    );
  }
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
}
