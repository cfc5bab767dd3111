/**
 * The MCP SDK's client (scripts/mcp/client.ts) talking to the /api/mcp route handlers in
 * this process: its fetch hands each request to the route, so the protocol and transport
 * code are the same as over a socket, without a server to start. With a base URL it talks
 * to a real server (e2e/mcp.spec.ts does that).
 */
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { callTool, connectMcp } from "@/scripts/mcp/client";

export const base = "http://hub.test";
export const call = callTool;

/** Hands a request to the route module's handler for its method (405 for others, as Next does). */
export async function mcpFetch(url: string | URL, init?: RequestInit): Promise<Response> {
  const route = await import("@/app/api/mcp/route");
  const req = new Request(url, init);
  const handler = { POST: route.POST, GET: route.GET, DELETE: route.DELETE }[req.method as "POST" | "GET" | "DELETE"];
  if (!handler) return new Response(null, { status: 405 });
  return handler(req, { params: Promise.resolve({}) });
}

export function connect(token: string): Promise<Client> {
  return connectMcp({ baseUrl: base, token, fetch: mcpFetch });
}
