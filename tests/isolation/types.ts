/**
 * The isolation table: every read route of the app, each with a resource that belongs
 * to one account, requested by another. Each feature adds a file under ./cases/ that
 * default-exports `IsolationCase[]`; tests/isolation/isolation.test.ts runs them all.
 *
 * HOW TO ADD YOUR ROUTES: create tests/isolation/cases/<feature>.ts with
 * `export default [ …IsolationCase ] satisfies IsolationCase[]` (see cases/accounts.ts).
 * Nothing to register: the runner finds every cases/*.ts with import.meta.glob.
 * Run: npx vitest run tests/isolation
 * Accounts come from ./accounts.ts `createTestAccount()` (Bearer API tokens, no cookies).
 * Each request is answered three times: no auth (401), another account, then the owner
 * (last, so DELETE/PATCH cases prove the stranger changed nothing).
 *
 * For "resource" routes the other account must get 404 (not 403: existence is not
 * revealed) and the owner 2xx (so the case can fail); a route that answers inside a 200
 * (MCP tools) says how "not found" and "found" look with `outcome`. For "list" routes the other
 * account gets 2xx without the owner's item, the owner with it.
 */
export type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** A signed-up account with a verified link to `uid`, an API token and a personal webhook token. */
export type TestAccount = {
  userId: string;
  email: string;
  /** Personal API token: send as Authorization: Bearer <apiToken>. */
  apiToken: string;
  /** Personal webhook token (/api/webhooks/<event>/<webhookToken>). */
  webhookToken: string;
  /** An Omi uid verified for this account. */
  uid: string;
};

export type IsolationRequest = {
  /** Path and query, e.g. "/api/v1/memories/abc". */
  path: string;
  /** Dynamic route params for the handler, e.g. { id: "abc" }. */
  params?: Record<string, string>;
  /** For list routes: is the owner's resource in this response body? */
  contains?: (body: unknown, res: Response) => boolean;
  /** JSON body for this request (overrides the case's `body`), e.g. one that names the resource's id. */
  body?: unknown;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /**
   * For resources answered inside a 2xx (an MCP tool call answers 200 with a tool error):
   * what the body says. The other account must get "not_found", the owner "found".
   */
  outcome?: (body: unknown, res: Response) => "found" | "not_found" | "other";
};

export type IsolationCase = {
  /** "GET /api/v1/memories/{id}" */
  name: string;
  kind: "resource" | "list";
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** The route handler, imported lazily: () => import("@/app/api/v1/x/[id]/route").then((m) => m.GET) */
  handler: () => Promise<Handler>;
  /** Creates data owned by `owner` (through the real ingest or query functions) and says what to request. */
  setup: (owner: TestAccount) => Promise<IsolationRequest>;
  /** JSON body for POST/PATCH cases. */
  body?: unknown;
};
