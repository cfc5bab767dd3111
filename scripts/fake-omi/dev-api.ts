/**
 * Omi's Developer API (`/v1/dev/…`, keys `omi_dev_…`) as the facts of docs/OMI-DEVELOPER-API.md
 * describe it: bare arrays, created_at DESC with offset paging, limit clamps (1..25 with
 * transcripts), inclusive start/end dates on created_at, lists that hide discarded,
 * unfinished and locked conversations (locked rows dropped after the page is read, so a
 * page can be short while more exist), the 2000-row cap of action items, Omi's exact
 * 401/403 bodies, the object-detail 403 of the memory grant gate, per-key fixed-window
 * buckets answered with 429 + Retry-After, and a switchable 503.
 *
 * Control endpoints under /__fake/dev/ seed data for a key, edit conversations, tick
 * items on Omi's side, force a 429 after N calls and show what was PATCHed.
 */
import {
  defaultScopes,
  devActionItem,
  devConversation,
  devFact,
  generate,
  parseIsoUs,
  pyIsoUs,
  webhookBody,
  type FakeActionItem,
  type FakeConversation,
  type FakeDevKey,
  type FakeFact,
  type GenerateOptions,
} from "./dev-data";

export type Send = (status: number, body: unknown, headers?: Record<string, string>) => void;
type Json = Record<string, unknown>;

/** Omi's base per-key hourly limits (rate_limit_config.py), before RATE_LIMIT_BOOST. */
export const baseLimits = {
  conversations_list: 60,
  conversation_detail: 60,
  conversations_transcript: 25,
  memories_read: 120,
  action_items_read: 120,
  action_items_write: 120,
} as const;
type Bucket = keyof typeof baseLimits;

const categories = new Set(
  "personal education health finance legal philosophy spiritual science entrepreneurship parenting romance travel inspiration technology business social work sports politics literature history architecture music weather news entertainment psychology real design family economics environment other".split(
    " ",
  ),
);

export type PatchRecord = { key: string; id: string; body: unknown; status: number; at: string };
export type CallRecord = { key: string; method: string; path: string; status: number; buckets: Bucket[]; at: string };

export function createDevApi() {
  const keys = new Map<string, FakeDevKey>();
  const conversations = new Map<string, FakeConversation>();
  const actionItems = new Map<string, FakeActionItem>();
  const facts = new Map<string, FakeFact>();
  const patches: PatchRecord[] = [];
  const calls: CallRecord[] = [];
  const windows = new Map<string, { window: number; count: number }>();
  let config = { boost: 1, windowSeconds: 3600, limits: {} as Partial<Record<Bucket, number>> };
  let unavailable = false;
  /** Calls to let through before forcing 429s, and how many. */
  let force: { after: number; times: number; retryAfter: number } | null = null;

  const reset = () => {
    keys.clear();
    conversations.clear();
    actionItems.clear();
    facts.clear();
    patches.length = 0;
    calls.length = 0;
    windows.clear();
    config = { boost: 1, windowSeconds: 3600, limits: {} };
    unavailable = false;
    force = null;
  };

  const limitOf = (b: Bucket) => config.limits[b] ?? baseLimits[b] * config.boost;
  const itemsOf = (conversationId: string) =>
    [...actionItems.values()].filter((i) => i.conversation_id === conversationId && !i.locked).sort((a, b) => a.createdUs - b.createdUs);

  // ── auth and limits ──

  function authenticate(header: string | undefined, send: Send): FakeDevKey | null {
    const match = /^Bearer\s+(\S+)\s*$/.exec(header ?? "");
    if (!match) {
      send(401, { detail: "Missing or invalid Authorization header. Must be 'Bearer API_KEY'" });
      return null;
    }
    const token = match[1]!;
    if (token.startsWith("omi_mcp_")) {
      send(401, { detail: "This is an MCP API key; the Developer API needs a Developer API key (omi_dev_…)." });
      return null;
    }
    const key = keys.get(token);
    if (!key) {
      send(401, { detail: "Invalid API Key" });
      return null;
    }
    key.lastUsedAt = pyIsoUs(Date.now() * 1000);
    return key;
  }

  function hasScope(key: FakeDevKey, scope: string, send: Send): boolean {
    if ((key.scopes ?? defaultScopes).includes(scope)) return true;
    send(403, { detail: `Insufficient permissions. Required scope: ${scope}` });
    return false;
  }

  /** Charges each bucket; answers 429 (or 503) and returns false when one is over. */
  function charge(key: FakeDevKey, buckets: Bucket[], send: Send): boolean {
    if (unavailable) {
      send(503, { detail: "Rate limiter unavailable" });
      return false;
    }
    if (force) {
      if (force.after > 0) force.after--;
      else if (force.times > 0) {
        force.times--;
        const n = force.retryAfter;
        if (force.times === 0) force = null;
        send(
          429,
          { detail: `Rate limit exceeded. Try again in ${n}s.` },
          { "retry-after": String(n), "x-ratelimit-limit": String(limitOf(buckets[0]!)), "x-ratelimit-remaining": "0" },
        );
        return false;
      }
    }
    const now = Date.now();
    const windowMs = config.windowSeconds * 1000;
    const window = Math.floor(now / windowMs);
    for (const b of buckets) {
      const name = `dev:${key.uid}:${key.id}:${b}`;
      const w = windows.get(name);
      const count = w && w.window === window ? w.count : 0;
      if (count >= limitOf(b)) {
        const n = Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000));
        send(
          429,
          { detail: `Rate limit exceeded. Try again in ${n}s.` },
          { "retry-after": String(n), "x-ratelimit-limit": String(limitOf(b)), "x-ratelimit-remaining": "0" },
        );
        return false;
      }
    }
    for (const b of buckets) {
      const name = `dev:${key.uid}:${key.id}:${b}`;
      const w = windows.get(name);
      windows.set(name, { window, count: (w && w.window === window ? w.count : 0) + 1 });
    }
    return true;
  }

  // ── query parsing (FastAPI-style 422s) ──

  class Invalid extends Error {
    constructor(
      readonly status: number,
      readonly detail: unknown,
    ) {
      super("invalid");
    }
  }
  const unprocessable = (name: string, msg: string) => new Invalid(422, [{ loc: ["query", name], msg, type: "value_error" }]);
  function intParam(url: URL, name: string, fallback: number, min: number, max: number): number {
    const raw = url.searchParams.get(name);
    if (raw === null || raw === "") return fallback;
    if (!/^-?\d+$/.test(raw)) throw unprocessable(name, "Input should be a valid integer, unable to parse string as an integer");
    return Math.min(max, Math.max(min, Number(raw)));
  }
  function offsetParam(url: URL): number {
    const raw = url.searchParams.get("offset");
    if (raw === null || raw === "") return 0;
    if (!/^-?\d+$/.test(raw)) throw unprocessable("offset", "Input should be a valid integer, unable to parse string as an integer");
    if (Number(raw) < 0) throw unprocessable("offset", "Input should be greater than or equal to 0");
    return Number(raw);
  }
  function dateParam(url: URL, name: string): number | null {
    const raw = url.searchParams.get(name);
    if (!raw) return null;
    const us = parseIsoUs(raw);
    if (us === null) throw unprocessable(name, "Input should be a valid datetime");
    return us;
  }
  const boolParam = (url: URL, name: string): boolean | null => {
    const raw = url.searchParams.get(name);
    if (raw === null || raw === "") return null;
    if (/^(true|1|yes)$/i.test(raw)) return true;
    if (/^(false|0|no)$/i.test(raw)) return false;
    throw unprocessable(name, "Input should be a valid boolean");
  };

  // ── the Developer API ──

  /** Handles /v1/dev/…; returns false for other paths. */
  function api(method: string, url: URL, parts: string[], headers: Record<string, string | undefined>, body: string, send: Send): boolean {
    if (parts[0] !== "v1" || parts[1] !== "dev") return false;
    let status = 200;
    let charged: Bucket[] = [];
    let keyName = "";
    const reply: Send = (s, b, h) => {
      status = s;
      send(s, b, h);
    };
    const done = (s: number, b: unknown, h?: Record<string, string>) => {
      reply(s, b, h);
      return true;
    };
    const finish = () =>
      calls.push({ key: keyName, method, path: url.pathname + url.search, status, buckets: charged, at: new Date().toISOString() });
    try {
      const key = authenticate(headers.authorization, reply);
      if (!key) return true;
      keyName = key.key;
      const withCharge = (buckets: Bucket[]) => {
        charged = buckets;
        return charge(key, buckets, reply);
      };
      const route = parts.slice(2).join("/");

      if (method === "GET" && route === "key") {
        if (!key.selfCheck) return done(404, { detail: "Not Found" });
        reply(200, {
          id: key.id,
          name: key.name,
          key_prefix: key.key.slice(0, 12),
          created_at: key.createdAt,
          last_used_at: key.lastUsedAt,
          scopes: key.scopes ?? defaultScopes,
        });
        return true;
      }

      if (method === "GET" && route === "user/conversations") {
        if (!hasScope(key, "conversations:read", reply)) return true;
        const withTranscript = boolParam(url, "include_transcript") ?? false;
        const limit = intParam(url, "limit", 25, 1, withTranscript ? 25 : 100);
        const offset = offsetParam(url);
        const start = dateParam(url, "start_date");
        const end = dateParam(url, "end_date");
        const wanted = (url.searchParams.get("categories") ?? "")
          .split(",")
          .map((c) => c.trim())
          .filter(Boolean);
        const bad = wanted.find((c) => !categories.has(c));
        if (bad) return done(400, { detail: `Invalid category: ${bad}` });
        if (!withCharge(withTranscript ? ["conversations_list", "conversations_transcript"] : ["conversations_list"])) return true;
        const page = [...conversations.values()]
          .filter((c) => c.uid === key.uid && c.status === "completed" && !c.discarded)
          .filter((c) => (start === null || c.createdUs >= start) && (end === null || c.createdUs <= end))
          .filter((c) => wanted.length === 0 || wanted.includes(c.structured.category))
          .sort((a, b) => b.createdUs - a.createdUs)
          .slice(offset, offset + limit)
          // Locked rows are dropped after the page was read: the page comes back short.
          .filter((c) => !c.locked);
        reply(
          200,
          page.map((c) => devConversation(c, itemsOf(c.id), withTranscript)),
        );
        return true;
      }

      if (method === "GET" && parts[2] === "user" && parts[3] === "conversations" && parts[4] && parts.length === 5) {
        if (!hasScope(key, "conversations:read", reply)) return true;
        const withTranscript = boolParam(url, "include_transcript") ?? false;
        if (!withCharge(withTranscript ? ["conversation_detail", "conversations_transcript"] : ["conversation_detail"])) return true;
        const c = conversations.get(decodeURIComponent(parts[4]));
        // Discarded ones are still returned by id; locked and other people's are not found.
        if (!c || c.uid !== key.uid || c.locked) return done(404, { detail: "Conversation not found" });
        reply(200, devConversation(c, itemsOf(c.id), withTranscript));
        return true;
      }

      if (method === "GET" && route === "user/action-items") {
        if (!hasScope(key, "action_items:read", reply)) return true;
        const limit = intParam(url, "limit", 100, 1, 1000);
        const offset = offsetParam(url);
        const start = dateParam(url, "start_date");
        const end = dateParam(url, "end_date");
        const completed = boolParam(url, "completed");
        const conversationId = url.searchParams.get("conversation_id");
        if (!withCharge(["action_items_read"])) return true;
        const dated = start !== null || end !== null;
        const rows = [...actionItems.values()]
          .filter((i) => i.uid === key.uid)
          .filter((i) => (conversationId ? i.conversation_id === conversationId : true))
          .filter((i) => (completed === null ? true : i.completed === completed))
          .filter((i) => (start === null || i.createdUs >= start) && (end === null || i.createdUs <= end))
          .sort((a, b) => {
            if (dated) return b.createdUs - a.createdUs;
            // Open first, then due date ascending (undated last), then newest first.
            if (a.completed !== b.completed) return a.completed ? 1 : -1;
            const ad = a.due_at ? parseIsoUs(a.due_at)! : Infinity;
            const bd = b.due_at ? parseIsoUs(b.due_at)! : Infinity;
            if (ad !== bd) return ad < bd ? -1 : 1;
            return b.createdUs - a.createdUs;
          })
          // A hard cap of 2000 rows, then the offset: nothing beyond row 2000.
          .slice(0, 2000)
          .slice(offset, offset + limit)
          .filter((i) => !i.locked);
        reply(200, rows.map(devActionItem));
        return true;
      }

      if (method === "PATCH" && parts[2] === "user" && parts[3] === "action-items" && parts[4] && parts.length === 5) {
        const id = decodeURIComponent(parts[4]);
        const record = (s: number) => patches.push({ key: key.key, id, body: safeJson(body), status: s, at: new Date().toISOString() });
        if (!hasScope(key, "action_items:write", reply)) {
          record(403);
          return true;
        }
        const parsed = safeJson(body) as Json | undefined;
        if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
          record(422);
          return done(422, { detail: [{ loc: ["body"], msg: "Input should be a valid dictionary", type: "dict_type" }] });
        }
        const fields = ["description", "completed", "due_at"].filter((f) => f in parsed);
        if (fields.length === 0) {
          record(422);
          return done(422, { detail: "At least one of description, completed or due_at is required" });
        }
        if (!withCharge(["action_items_write"])) {
          record(429);
          return true;
        }
        const item = actionItems.get(id);
        if (!item || item.uid !== key.uid) {
          record(404);
          return done(404, { detail: "Action item not found" });
        }
        if (item.locked) {
          record(402);
          return done(402, { detail: "A paid plan is required to edit this action item." });
        }
        const nowUs = Date.now() * 1000 + (Math.floor(performance.now() * 1000) % 1000);
        if (typeof parsed.description === "string") item.description = parsed.description;
        if (typeof parsed.completed === "boolean") {
          item.completed = parsed.completed;
          item.completed_at = parsed.completed ? pyIsoUs(nowUs) : null;
        }
        if ("due_at" in parsed) item.due_at = typeof parsed.due_at === "string" ? parsed.due_at : null;
        item.updated_at = pyIsoUs(nowUs);
        record(200);
        reply(200, devActionItem(item));
        return true;
      }

      if (method === "GET" && route === "user/memories") {
        if (!hasScope(key, "memories:read", reply)) return true;
        if (key.memoriesGate) {
          reply(403, { detail: { enabled: false, reason: key.memoriesGate, consumer: "developer_api", scope: "memories:read" } });
          return true;
        }
        const limit = intParam(url, "limit", 25, 1, 1000);
        const offset = offsetParam(url);
        const wanted = (url.searchParams.get("categories") ?? "")
          .split(",")
          .map((c) => c.trim())
          .filter(Boolean);
        if (!withCharge(["memories_read"])) return true;
        const rows = [...facts.values()]
          .filter((f) => f.uid === key.uid && f.user_review !== false)
          .filter((f) => wanted.length === 0 || wanted.includes(f.category))
          .sort((a, b) => (a.scoring === b.scoring ? b.createdUs - a.createdUs : a.scoring < b.scoring ? 1 : -1))
          .slice(offset, offset + limit);
        reply(200, rows.map(devFact));
        return true;
      }

      if (method === "GET" && route === "user/folders") {
        if (!hasScope(key, "conversations:read", reply)) return true;
        reply(200, []);
        return true;
      }
      reply(404, { detail: "Not Found" });
      return true;
    } catch (err) {
      if (err instanceof Invalid) reply(err.status, { detail: err.detail });
      else throw err;
      return true;
    } finally {
      finish();
    }
  }

  // ── control endpoints: /__fake/dev/… ──

  function addKey(input: Json): FakeDevKey {
    const key: FakeDevKey = {
      key: String(input.key),
      uid: String(input.uid),
      id: typeof input.id === "string" ? input.id : crypto.randomUUID(),
      name: typeof input.name === "string" ? input.name : "Omi Hub",
      scopes: Array.isArray(input.scopes) ? (input.scopes as string[]) : null,
      createdAt: pyIsoUs(Date.now() * 1000),
      lastUsedAt: null,
      selfCheck: input.selfCheck !== false,
      memoriesGate: typeof input.memoriesGate === "string" ? input.memoriesGate : null,
    };
    keys.set(key.key, key);
    return key;
  }

  function control(method: string, url: URL, parts: string[], body: string, send: Send): boolean {
    if (parts[0] !== "__fake" || parts[1] !== "dev") return false;
    const done = (s: number, b: unknown) => {
      send(s, b);
      return true;
    };
    const what = parts[2];
    const input = (safeJson(body) ?? {}) as Json;
    const uid = url.searchParams.get("uid") ?? (typeof input.uid === "string" ? input.uid : "");

    // POST /__fake/dev/seed {key?, uid, scopes?, selfCheck?, memoriesGate?, generate?}: adds data (and a key) for a uid.
    if (method === "POST" && what === "seed") {
      if (!uid) return done(400, { detail: "uid is required" });
      if (typeof input.key === "string") addKey({ ...input, uid });
      const made = generate(uid, (input.generate ?? {}) as GenerateOptions);
      for (const c of made.conversations) conversations.set(c.id, c);
      for (const i of made.actionItems) actionItems.set(i.id, i);
      for (const f of made.facts) facts.set(f.id, f);
      send(200, {
        conversations: made.conversations.map((c) => ({ id: c.id, created_at: c.created_at, locked: c.locked, discarded: c.discarded })),
        actionItems: made.actionItems.length,
        facts: made.facts.length,
      });
      return true;
    }
    if (method === "POST" && what === "keys") return done(200, addKey({ ...input, uid }));
    // POST /__fake/dev/revoke {key}: the person deleted the key in the Omi app.
    if (method === "POST" && what === "revoke") return done(200, { revoked: keys.delete(String(input.key)) });
    // GET /__fake/dev/conversations?uid= : everything the fake holds for a uid, newest first.
    if (method === "GET" && what === "conversations" && !parts[3]) {
      const list = [...conversations.values()].filter((c) => c.uid === uid).sort((a, b) => b.createdUs - a.createdUs);
      return done(200, list);
    }
    // POST /__fake/dev/conversations/{id} {title?, overview?, discarded?, locked?, status?}: an edit made in the Omi app.
    if (method === "POST" && what === "conversations" && parts[3]) {
      const c = conversations.get(decodeURIComponent(parts[3]));
      if (!c) return done(404, { detail: "Conversation not found" });
      if (typeof input.title === "string") c.structured.title = input.title;
      if (typeof input.overview === "string") c.structured.overview = input.overview;
      if (typeof input.discarded === "boolean") c.discarded = input.discarded;
      if (typeof input.locked === "boolean") c.locked = input.locked;
      if (input.status === "completed" || input.status === "processing" || input.status === "in_progress") c.status = input.status;
      c.updated_at = pyIsoUs(Date.now() * 1000);
      return done(200, c);
    }
    // GET /__fake/dev/webhook-body/{id}: the conversation as the developer webhook would send it.
    if (method === "GET" && what === "webhook-body" && parts[3]) {
      const c = conversations.get(decodeURIComponent(parts[3]));
      if (!c) return done(404, { detail: "Conversation not found" });
      return done(200, webhookBody(c, itemsOf(c.id)));
    }
    if (method === "GET" && what === "action-items" && !parts[3]) {
      return done(
        200,
        [...actionItems.values()].filter((i) => i.uid === uid).map((i) => ({ ...devActionItem(i), locked: i.locked })),
      );
    }
    // POST /__fake/dev/action-items/{id} {completed}: ticked in the Omi app.
    if (method === "POST" && what === "action-items" && parts[3]) {
      const item = actionItems.get(decodeURIComponent(parts[3]));
      if (!item) return done(404, { detail: "Action item not found" });
      const nowUs = Date.now() * 1000;
      item.completed = Boolean(input.completed);
      item.completed_at = item.completed ? pyIsoUs(nowUs) : null;
      item.updated_at = pyIsoUs(nowUs);
      return done(200, devActionItem(item));
    }
    if (method === "GET" && what === "patches") return done(200, patches);
    if (method === "GET" && what === "calls") {
      const key = url.searchParams.get("key");
      return done(200, key ? calls.filter((c) => c.key === key) : calls);
    }
    // POST /__fake/dev/force-429 {after, times?, retryAfter?}: the call after `after` more calls gets a 429.
    if (method === "POST" && what === "force-429") {
      force = { after: Number(input.after ?? 0), times: Number(input.times ?? 1), retryAfter: Number(input.retryAfter ?? 2) };
      return done(200, { ok: true });
    }
    if (method === "POST" && what === "unavailable") {
      unavailable = input.on !== false;
      return done(200, { ok: true });
    }
    // POST /__fake/dev/config {boost?, windowSeconds?, limits?}: Omi's RATE_LIMIT_BOOST and bucket sizes.
    if (method === "POST" && what === "config") {
      config = {
        boost: typeof input.boost === "number" ? input.boost : config.boost,
        windowSeconds: typeof input.windowSeconds === "number" ? input.windowSeconds : config.windowSeconds,
        limits: typeof input.limits === "object" && input.limits ? (input.limits as Partial<Record<Bucket, number>>) : config.limits,
      };
      windows.clear();
      return done(200, config);
    }
    if (method === "POST" && what === "reset") {
      reset();
      return done(200, { ok: true });
    }
    send(404, { detail: "Not Found" });
    return true;
  }

  return { api, control, reset };
}

function safeJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
