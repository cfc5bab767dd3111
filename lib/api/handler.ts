/**
 * The wrapper for every JSON route handler (webhooks have their own): authentication and
 * parsing happen before the body runs, the body gets typed input and a known caller, and
 * every error leaves through `errorResponse` in the one JSON shape.
 *
 *   export const GET = route({ auth: "account", needs: "read", query: listQuery }, async ({ query, scope }) =>
 *     listThings({ scope: await scope, ...query }));
 *
 * - `auth: "account"`: a session cookie or a personal API token, else 401. `needs` names
 *   the token scope the route requires (403 naming it when the token lacks it; a session
 *   has every scope). `scope` is the caller's data scope (lib/auth/scope.ts): read from
 *   the database only when the handler takes it, at most once.
 * - `auth: "none"`: public.
 * - `auth: someAuthenticator`: a function of the request that returns the caller (or
 *   throws an AppError), for routes with their own credentials (CRON_SECRET, …).
 */
import { z } from "zod";
import { lazyScope, type Scope } from "@/lib/auth/scope";
import type { TokenScope } from "@/lib/auth/token-scopes";
import { sanitizeJson } from "@/lib/webhooks/sanitize";
import { AppError, validationError } from "./errors";
import { parseJsonText } from "./json";
import { errorResponse, json } from "./respond";
import { authenticateRequest, type RequestUser } from "./request-auth";

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

/** Checks a request's own credentials and returns who is calling; throws an AppError to refuse. */
export type Authenticator<U> = (req: Request) => Promise<U>;

type AuthOption = "account" | "none" | Authenticator<unknown>;
type CallerOf<A> = A extends "account" ? RequestUser : A extends Authenticator<infer U> ? U : null;

type Options<A extends AuthOption, Q extends z.ZodType, B extends z.ZodType, P extends z.ZodType> = {
  auth: A;
  query?: Q;
  body?: B;
  params?: P;
} & (A extends "account" ? { /** The token scope this route requires. */ needs: TokenScope } : { needs?: never });

type Input<Q, B, P, A> = {
  req: Request;
  url: URL;
  query: Q;
  body: B;
  params: P;
  user: CallerOf<A>;
  /** The caller's data scope; the lookup runs the first time a handler takes it. */
  scope: A extends "account" ? Promise<Scope> : never;
};

export function route<
  A extends AuthOption,
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
  P extends z.ZodType = z.ZodUndefined,
>(options: Options<A, Q, B, P>, fn: (input: Input<z.infer<Q>, z.infer<B>, z.infer<P>, A>) => Promise<Response | unknown>) {
  return async (req: Request, ctx?: RouteContext): Promise<Response> => {
    const url = new URL(req.url);
    try {
      let user: unknown = null;
      if (options.auth === "account") user = await authenticateRequest(req, options.needs as TokenScope);
      else if (typeof options.auth === "function") user = await options.auth(req);
      // Postgres refuses NUL and lone surrogates in text: a "%00" in an id or a search is dropped
      // (the id is then simply not found) instead of failing the query with a 500.
      const params = options.params ? parse(options.params, sanitizeJson((await ctx?.params) ?? {}), "Path") : undefined;
      const query = options.query ? parse(options.query, sanitizeJson(Object.fromEntries(url.searchParams)), "Query") : undefined;
      const body = options.body ? parse(options.body, await readJson(req), "Body") : undefined;
      const input = { req, url, query, body, params, user };
      if (options.auth === "account") {
        const scope = lazyScope((user as RequestUser).id);
        Object.defineProperty(input, "scope", { get: scope, enumerable: true });
      }
      const result = await fn(input as Input<z.infer<Q>, z.infer<B>, z.infer<P>, A>);
      return result instanceof Response ? result : json(result);
    } catch (err) {
      return errorResponse(err, { method: req.method, path: url.pathname });
    }
  };
}

function parse<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error, what);
  return parsed.data;
}

export async function readJson(req: Request): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new AppError("unsupported_media_type", "Send the body as JSON (Content-Type: application/json)");
  }
  const parsed = parseJsonText(await req.text());
  return sanitizeJson(parsed);
}
