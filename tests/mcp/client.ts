/**
 * The MCP SDK's own client over Streamable HTTP. By default it talks to the /api/mcp
 * route handlers in this process (its fetch hands each request to the route): the same
 * protocol and transport code as over a socket, without a server to start. Given a
 * base URL (e2e/mcp.spec.ts), it talks to the real server over the network.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";

export const base = "http://hub.test";

/** Hands a request to the route module's handler for its method (405 for others, as Next does). */
export async function mcpFetch(url: string | URL, init?: RequestInit): Promise<Response> {
  const route = await import("@/app/api/mcp/route");
  const req = new Request(url, init);
  const handler = { POST: route.POST, GET: route.GET, DELETE: route.DELETE }[req.method as "POST" | "GET" | "DELETE"];
  if (!handler) return new Response(null, { status: 405 });
  return handler(req, { params: Promise.resolve({}) });
}

export async function connect(token: string, server?: string): Promise<Client> {
  const client = new Client({ name: "omi-hub-tests", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(`${server ?? base}/api/mcp`), {
    ...(server ? {} : { fetch: mcpFetch }),
    requestInit: { headers: { authorization: `Bearer ${token}` } },
  });
  await client.connect(transport);
  return client;
}

/** A tool call's structured answer (or its error), typed loosely for assertions. */
export async function call(client: Client, name: string, args: Record<string, unknown> = {}) {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = result.content.map((c) => (c.type === "text" ? c.text : "")).join("");
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers by path
  return { isError: result.isError === true, text, data: result.structuredContent as any };
}
