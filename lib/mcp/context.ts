/**
 * What every MCP tool gets: the caller (a personal API token and its scopes), the
 * caller's data scope (looked up once, when a tool first needs it), and absolute links
 * back into the dashboard. Tools read through the same query functions and the same
 * `visibleTo` rule as the read API, so another account's id is simply not found.
 */
import { type McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import { type CallToolResult, ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import type { z } from "zod";
import { AppError } from "@/lib/api/errors";
import type { RequestUser } from "@/lib/api/request-auth";
import { toAppError } from "@/lib/api/respond";
import { lazyScope, type Scope } from "@/lib/auth/scope";
import type { TokenScope } from "@/lib/auth/token-scopes";
import { log } from "@/lib/log";
import { sanitizeJson, sanitizeText } from "@/lib/webhooks/sanitize";

export type McpContext = {
  user: RequestUser;
  scope: () => Promise<Scope>;
  /** The app's public base URL, without a trailing slash. */
  baseUrl: string;
};

export function mcpContext({ user, baseUrl }: { user: RequestUser; baseUrl: string }): McpContext {
  return { user, scope: lazyScope(user.id), baseUrl: baseUrl.replace(/\/+$/, "") };
}

/** An absolute dashboard URL for a path of this app. */
export function link(ctx: McpContext, path: string): string {
  return `${ctx.baseUrl}${path}`;
}

/** A memory's page in the dashboard. */
export function memoryUrl(ctx: McpContext, id: string): string {
  return link(ctx, `/memories/${encodeURIComponent(id)}`);
}

/** A tool refused for want of a scope: the message names it, as the HTTP API's 403 does. */
export function requireToolScope(ctx: McpContext, needed: TokenScope): void {
  if (ctx.user.scopes.includes(needed)) return;
  throw new AppError(
    "forbidden",
    `This token lacks the "${needed}" scope (it has: ${ctx.user.scopes.join(", ") || "none"}). Create a token with "${needed}" in Omi Hub → Settings → API tokens.`,
    { missingScope: needed },
  );
}

/** A tool's answer: JSON text for any client, the same object as structured content. */
export function toolResult(data: Record<string, unknown>): CallToolResult {
  return { content: [{ type: "text", text: JSON.stringify(data, null, 2) }], structuredContent: data };
}

/**
 * Any failure as a tool result with isError, never a protocol error: AppError messages
 * are written for people; anything else is logged and answered in general words (a
 * database error's text must not reach the assistant).
 */
export function toolError(err: unknown, tool: string): CallToolResult {
  const e = toAppError(err);
  if (e.code === "internal") log.error("mcp tool failed", { tool, err });
  const error = { code: e.code, message: e.message, ...(e.details === undefined ? {} : { details: e.details }) };
  return { isError: true, content: [{ type: "text", text: e.message }], structuredContent: { error } };
}

/** One tool: its scope is checked first, its answer and every failure become tool results. */
export function addTool<S extends z.ZodRawShape>(
  server: McpServer,
  ctx: McpContext,
  def: {
    name: string;
    title: string;
    description: string;
    needs: TokenScope;
    input: S;
    readOnly: boolean;
    /** It reaches beyond Omi Hub (a notification to a phone). */
    openWorld?: boolean;
  },
  run: (args: z.infer<z.ZodObject<S>>) => Promise<Record<string, unknown>>,
): void {
  // The SDK has validated `args` against `input` before this runs. Postgres refuses NUL and
  // lone surrogates in text: they are dropped (an id is then simply not found), as route() does.
  const handler = async (args: Record<string, unknown>): Promise<CallToolResult> => {
    try {
      requireToolScope(ctx, def.needs);
      return toolResult(await run(sanitizeJson(args) as z.infer<z.ZodObject<S>>));
    } catch (err) {
      return toolError(err, def.name);
    }
  };
  server.registerTool(
    def.name,
    {
      title: def.title,
      description: `${def.description} Needs the "${def.needs}" scope.`,
      inputSchema: def.input as z.ZodRawShape,
      annotations: { readOnlyHint: def.readOnly, openWorldHint: def.openWorld ?? false },
    },
    handler,
  );
}

/** JSON-RPC code for "resource not found" (MCP resources). */
const RESOURCE_NOT_FOUND = -32002;

/**
 * A resource template read as JSON, with the "read" scope. Resources answer JSON-RPC
 * errors (the protocol has no isError for them), in the same plain words as the tools.
 */
export function addResource(
  server: McpServer,
  ctx: McpContext,
  def: { name: string; template: string; title: string; description: string },
  read: (variables: Record<string, string>) => Promise<Record<string, unknown>>,
): void {
  server.registerResource(
    def.name,
    new ResourceTemplate(def.template, { list: undefined }),
    { title: def.title, description: def.description, mimeType: "application/json" },
    async (uri, variables) => {
      const values = Object.fromEntries(
        Object.entries(variables).map(([k, v]) => [k, sanitizeText(String(Array.isArray(v) ? v[0] : v).slice(0, 100))]),
      );
      try {
        requireToolScope(ctx, "read");
        const text = JSON.stringify(await read(values), null, 2);
        return { contents: [{ uri: uri.href, mimeType: "application/json", text }] };
      } catch (err) {
        const e = toAppError(err);
        if (e.code === "internal") log.error("mcp resource failed", { resource: def.name, err });
        throw new McpError(
          e.code === "not_found" ? RESOURCE_NOT_FOUND : e.code === "internal" ? ErrorCode.InternalError : ErrorCode.InvalidRequest,
          e.message,
        );
      }
    },
  );
}
