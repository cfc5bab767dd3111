/**
 * Omi's Developer API (docs/OMI-DEVELOPER-API.md): `Authorization: Bearer omi_dev_…`,
 * bare JSON arrays, offset paging. One request per call, no retries: the sync jobs
 * decide when to call again (after Retry-After, within our per-key budget, see
 * ./budget.ts). Every failure becomes an OmiDevApiError whose message a person can
 * read; the key never appears in a message or a log line.
 */
import { z } from "zod";
import { env } from "@/lib/env";

export type OmiDevApiErrorKind =
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "payment_required"
  | "invalid_request"
  | "rate_limited"
  | "unavailable"
  | "bad_response"
  | "network";

export class OmiDevApiError extends Error {
  override name = "OmiDevApiError";
  constructor(
    readonly kind: OmiDevApiErrorKind,
    message: string,
    readonly status: number | null,
    readonly extra: { retryAfterSeconds?: number; requiredScope?: string; detail?: string } = {},
  ) {
    super(message);
  }
}

// ─── Shapes (loose: Omi adds fields often; unknown ones pass through) ────────

const text = z.string().nullish();

export const devSegmentSchema = z.looseObject({
  id: z.string().max(200).nullish(),
  text: z.string(),
  speaker_id: z.number().int().nullish(),
  speaker_name: text,
  start: z.number(),
  end: z.number(),
});

export const devConversationSchema = z.looseObject({
  id: z.string().min(1).max(200),
  created_at: text,
  started_at: text,
  finished_at: text,
  language: text,
  source: text,
  structured: z
    .looseObject({
      title: text,
      overview: text,
      emoji: text,
      category: text,
      action_items: z.array(z.looseObject({ description: z.string(), completed: z.boolean().nullish() })).nullish(),
      events: z.array(z.looseObject({})).nullish(),
    })
    .nullish(),
  transcript_segments: z.array(devSegmentSchema).nullish(),
  folder_id: text,
  folder_name: text,
});
export type DevConversation = z.infer<typeof devConversationSchema>;

export const devActionItemSchema = z.looseObject({
  id: z.string().min(1).max(200),
  description: z.string(),
  completed: z.boolean(),
  created_at: text,
  updated_at: text,
  due_at: text,
  completed_at: text,
  conversation_id: text,
});
export type DevActionItem = z.infer<typeof devActionItemSchema>;

export const devFactSchema = z.looseObject({
  id: z.string().min(1).max(200),
  content: z.string(),
  category: text,
  visibility: text,
  tags: z.array(z.string()).nullish(),
  created_at: text,
  updated_at: text,
  manually_added: z.boolean().nullish(),
  reviewed: z.boolean().nullish(),
  edited: z.boolean().nullish(),
});
export type DevFact = z.infer<typeof devFactSchema>;

export const keyInfoSchema = z.looseObject({
  id: z.string().nullish(),
  name: z.string().nullish(),
  key_prefix: z.string().nullish(),
  scopes: z.array(z.string()).nullish(),
});
export type KeyInfo = z.infer<typeof keyInfoSchema>;

/** A page of a bare array: the rows that match the schema, and how many did not. */
export type Page<T> = { items: T[]; malformed: number; /** rows Omi sent, valid or not */ received: number };

// ─── Calls ───────────────────────────────────────────────────────────────────

export type ClientOptions = { baseUrl?: string; timeoutMs?: number };
const defaultTimeoutMs = 20_000;

type Query = Record<string, string | number | boolean | undefined | null>;

async function call(key: string, method: "GET" | "PATCH", path: string, query: Query, body: unknown, o: ClientOptions): Promise<unknown> {
  const url = new URL(path, o.baseUrl ?? env.OMI_API_URL);
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null) url.searchParams.set(k, String(v));
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        accept: "application/json",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(o.timeoutMs ?? defaultTimeoutMs),
      redirect: "error",
    });
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
    throw new OmiDevApiError(
      "network",
      timedOut ? "Omi did not answer in time; trying again shortly" : "Omi could not be reached; trying again shortly",
      null,
    );
  }
  const raw = await res.text().catch(() => "");
  let parsed: unknown;
  try {
    parsed = raw ? (JSON.parse(raw) as unknown) : undefined;
  } catch {
    parsed = undefined;
  }
  if (res.ok) {
    if (parsed === undefined) throw new OmiDevApiError("bad_response", `Omi answered ${res.status} without JSON`, res.status);
    return parsed;
  }
  throw errorFor(res.status, (parsed as { detail?: unknown } | undefined)?.detail, res.headers);
}

/** Omi's answer, in words a person can act on. */
export function errorFor(status: number, detail: unknown, headers: Headers = new Headers()): OmiDevApiError {
  const detailText = typeof detail === "string" ? detail : detail === undefined ? undefined : JSON.stringify(detail).slice(0, 300);
  const retryAfter = Number(headers.get("retry-after"));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? Math.ceil(retryAfter) : undefined;
  const extra = { detail: detailText, retryAfterSeconds };
  if (status === 401) {
    if (/mcp/i.test(detailText ?? "")) {
      return new OmiDevApiError(
        "unauthorized",
        "This is an Omi MCP key. Paste a Developer API key: it starts with omi_dev_.",
        status,
        extra,
      );
    }
    return new OmiDevApiError(
      "unauthorized",
      "Omi does not accept this key: it was mistyped, revoked or deleted. Create a new one in the Omi app (Settings → Developer → API keys).",
      status,
      extra,
    );
  }
  if (status === 403) {
    if (detail && typeof detail === "object") {
      const reason = (detail as { reason?: unknown }).reason;
      return new OmiDevApiError(
        "forbidden",
        `Omi has not let this key read your facts${typeof reason === "string" && reason ? ` (${reason})` : ""}.`,
        status,
        { ...extra, requiredScope: "memories:read" },
      );
    }
    const scope = /Required scope:\s*([\w:]+)/i.exec(detailText ?? "")?.[1];
    return new OmiDevApiError(
      "forbidden",
      scope
        ? `This key does not have the ${scope} permission. Create a key with it in the Omi app.`
        : "Omi refused this key for that request.",
      status,
      { ...extra, requiredScope: scope },
    );
  }
  if (status === 404)
    return new OmiDevApiError("not_found", "Omi does not have it (deleted, or locked behind a paid plan).", status, extra);
  if (status === 402) return new OmiDevApiError("payment_required", "Omi needs a paid plan to change this item.", status, extra);
  if (status === 400 || status === 422)
    return new OmiDevApiError("invalid_request", `Omi rejected the request: ${detailText ?? `HTTP ${status}`}`, status, extra);
  if (status === 429) {
    const wait = retryAfterSeconds ?? 60;
    return new OmiDevApiError("rate_limited", `Omi's hourly limit for this key is used up; trying again in ${formatWait(wait)}.`, status, {
      ...extra,
      retryAfterSeconds: wait,
    });
  }
  return new OmiDevApiError("unavailable", `Omi is not answering right now (HTTP ${status}); trying again shortly.`, status, extra);
}

export function formatWait(seconds: number): string {
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

function page<T extends z.ZodType>(schema: T, body: unknown): Page<z.infer<T>> {
  if (!Array.isArray(body)) throw new OmiDevApiError("bad_response", "Omi answered with something other than a list", 200);
  const items: z.infer<T>[] = [];
  let malformed = 0;
  for (const row of body) {
    const parsed = schema.safeParse(row);
    if (parsed.success) items.push(parsed.data);
    else malformed++;
  }
  return { items, malformed, received: body.length };
}

function one<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new OmiDevApiError("bad_response", "Omi answered with an object we do not understand", 200);
  return parsed.data;
}

const getJson = (key: string, path: string, query: Query, o: ClientOptions) => call(key, "GET", path, query, undefined, o);

/** The answer, or null when Omi says it has no such thing (404). */
async function orNull<T>(request: () => Promise<T>): Promise<T | null> {
  try {
    return await request();
  } catch (err) {
    if (err instanceof OmiDevApiError && err.kind === "not_found") return null;
    throw err;
  }
}

/** GET /v1/dev/key: the key's own description (scopes). Null where Omi has no self-check (404). */
export async function getKeyInfo(key: string, o: ClientOptions = {}): Promise<KeyInfo | null> {
  return orNull(async () => one(keyInfoSchema, await getJson(key, "/v1/dev/key", {}, o)));
}

export type ConversationQuery = { limit: number; offset: number; startDate?: string; endDate?: string; includeTranscript: boolean };

/** GET /v1/dev/user/conversations: created_at newest first; a page can be short while more exist. */
export async function listConversations(key: string, q: ConversationQuery, o: ClientOptions = {}): Promise<Page<DevConversation>> {
  const query = { limit: q.limit, offset: q.offset, start_date: q.startDate, end_date: q.endDate, include_transcript: q.includeTranscript };
  return page(devConversationSchema, await getJson(key, "/v1/dev/user/conversations", query, o));
}

/** GET /v1/dev/user/conversations/{id}; null when Omi does not have it (or it is locked). */
export async function getConversation(
  key: string,
  id: string,
  includeTranscript: boolean,
  o: ClientOptions = {},
): Promise<DevConversation | null> {
  const path = `/v1/dev/user/conversations/${encodeURIComponent(id)}`;
  return orNull(async () => one(devConversationSchema, await getJson(key, path, { include_transcript: includeTranscript }, o)));
}

export type ActionItemQuery = { limit: number; offset: number; startDate?: string; endDate?: string; conversationId?: string };

/** GET /v1/dev/user/action-items: with a date, created_at newest first; nothing past row 2000 of a query. */
export async function listActionItems(key: string, q: ActionItemQuery, o: ClientOptions = {}): Promise<Page<DevActionItem>> {
  const query = { limit: q.limit, offset: q.offset, start_date: q.startDate, end_date: q.endDate, conversation_id: q.conversationId };
  return page(devActionItemSchema, await getJson(key, "/v1/dev/user/action-items", query, o));
}

/** PATCH /v1/dev/user/action-items/{id} {completed}; null when Omi has no such item. */
export async function setActionItemCompletedInOmi(
  key: string,
  id: string,
  completed: boolean,
  o: ClientOptions = {},
): Promise<DevActionItem | null> {
  const path = `/v1/dev/user/action-items/${encodeURIComponent(id)}`;
  return orNull(async () => one(devActionItemSchema, await call(key, "PATCH", path, {}, { completed }, o)));
}

/** GET /v1/dev/user/memories: Omi's facts about the person (no date filter). */
export async function listFacts(key: string, q: { limit: number; offset: number }, o: ClientOptions = {}): Promise<Page<DevFact>> {
  return page(devFactSchema, await getJson(key, "/v1/dev/user/memories", { limit: q.limit, offset: q.offset }, o));
}
