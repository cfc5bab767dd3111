/**
 * The one way integration tests send a webhook: a Request built the way Omi builds it,
 * handed to the real route handler's POST (the bare route, or the one with the token in
 * the path). Route modules are imported when first used, so a test file sets its env and
 * database first.
 */
import type { WebhookEvent } from "@/lib/constants";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = () => Promise<{ POST: Handler }>;

const routes: Record<WebhookEvent, { bare: RouteModule; token: RouteModule }> = {
  memory: { bare: () => import("@/app/api/webhooks/memory/route"), token: () => import("@/app/api/webhooks/memory/[token]/route") },
  realtime: { bare: () => import("@/app/api/webhooks/realtime/route"), token: () => import("@/app/api/webhooks/realtime/[token]/route") },
  audio: { bare: () => import("@/app/api/webhooks/audio/route"), token: () => import("@/app/api/webhooks/audio/[token]/route") },
  "day-summary": {
    bare: () => import("@/app/api/webhooks/day-summary/route"),
    token: () => import("@/app/api/webhooks/day-summary/[token]/route"),
  },
  button: { bare: () => import("@/app/api/webhooks/button/route"), token: () => import("@/app/api/webhooks/button/[token]/route") },
};

/** The POST handler of an event's route: with the token in the path, or without. */
export async function routeHandler(event: WebhookEvent, withPathToken: boolean): Promise<Handler> {
  return (await (withPathToken ? routes[event].token() : routes[event].bare())).POST;
}

export type WebhookCall = {
  /** Token in the path (/api/webhooks/<event>/<token>); null: the bare route. */
  token: string | null;
  /** The raw query string, e.g. "?uid=U", or "?token=T?uid=U" as old senders wrote it. */
  query?: string;
  /** Text or bytes as sent; anything else is sent as JSON. */
  body?: string | Uint8Array | object;
  /** Default: application/octet-stream for audio, application/json otherwise; null sends none. */
  contentType?: string | null;
  headers?: Record<string, string>;
  trailingSlash?: boolean;
};

export type WebhookAnswer = { res: Response; status: number; json: Record<string, unknown> };

export async function postWebhook(event: WebhookEvent, call: WebhookCall): Promise<WebhookAnswer> {
  const slash = call.trailingSlash ? "/" : "";
  const urlPath = call.token ? `/api/webhooks/${event}/${call.token}${slash}` : `/api/webhooks/${event}${slash}`;
  const headers = new Headers(call.headers);
  const contentType =
    call.contentType === undefined ? (event === "audio" ? "application/octet-stream" : "application/json") : call.contentType;
  if (contentType) headers.set("content-type", contentType);
  const raw = call.body ?? "{}";
  const body = typeof raw === "string" || raw instanceof Uint8Array ? raw : JSON.stringify(raw);
  const req = new Request(`http://localhost${urlPath}${call.query ?? ""}`, { method: "POST", headers, body: body as BodyInit });
  const params: Record<string, string> = call.token ? { token: call.token } : {};
  const res = await (await routeHandler(event, Boolean(call.token)))(req, { params: Promise.resolve(params) });
  const text = await res.clone().text();
  return { res, status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** `?uid=…` (URL-encoded), or nothing for a null uid. */
export const uidQuery = (uid: string | null) => (uid === null ? "" : `?uid=${encodeURIComponent(uid)}`);
