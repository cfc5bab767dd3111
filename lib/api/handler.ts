/**
 * The wrapper for every non-webhook route handler: authentication and parsing happen
 * before the body runs, the body gets typed input and a known account, and every
 * error leaves through `errorResponse` in the one JSON shape.
 *
 *   export const GET = route({ auth: "account", query: listQuery }, async ({ user, query }) => …)
 */
import { z } from "zod";
import { sanitizeJson } from "@/lib/webhooks/sanitize";
import { AppError, validationError } from "./errors";
import { parseJsonText } from "./json";
import { errorResponse, json } from "./respond";
import { authenticateRequest, type RequestUser } from "./request-auth";

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

type Options<Q extends z.ZodType, B extends z.ZodType, P extends z.ZodType> = {
  /** "account": cookie session or Bearer API token, else 401. "none": public. */
  auth: "account" | "none";
  query?: Q;
  body?: B;
  params?: P;
};

type Input<Q, B, P, A> = {
  req: Request;
  url: URL;
  query: Q;
  body: B;
  params: P;
  user: A extends "account" ? RequestUser : RequestUser | null;
};

export function route<
  A extends "account" | "none",
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
  P extends z.ZodType = z.ZodUndefined,
>(
  options: Options<Q, B, P> & { auth: A },
  fn: (input: Input<z.infer<Q>, z.infer<B>, z.infer<P>, A>) => Promise<Response | unknown>,
) {
  return async (req: Request, ctx?: RouteContext): Promise<Response> => {
    const url = new URL(req.url);
    try {
      let user: RequestUser | null = null;
      if (options.auth === "account") {
        user = await authenticateRequest(req);
      }
      // Postgres refuses NUL and lone surrogates in text: a "%00" in an id or a search is dropped
      // (the id is then simply not found) instead of failing the query with a 500.
      const params = options.params ? parse(options.params, sanitizeJson((await ctx?.params) ?? {}), "Path") : undefined;
      const query = options.query ? parse(options.query, sanitizeJson(Object.fromEntries(url.searchParams)), "Query") : undefined;
      const body = options.body ? parse(options.body, await readJson(req), "Body") : undefined;
      const result = await fn({ req, url, query, body, params, user } as Input<z.infer<Q>, z.infer<B>, z.infer<P>, A>);
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
