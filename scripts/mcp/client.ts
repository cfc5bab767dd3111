/**
 * The MCP SDK's own client, connected to an Omi Hub over Streamable HTTP with a personal
 * API token: for tests (tests/mcp, e2e/mcp.spec.ts) and the benchmark (scripts/bench/mcp.ts).
 *
 *   const client = await connectMcp({ baseUrl: "http://localhost:3000", token });
 *   const { isError, text, data } = await callTool(client, "search_memories", { query: "budget" });
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { FetchLike } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";

export async function connectMcp({ baseUrl, token, fetch }: { baseUrl: string; token: string; fetch?: FetchLike }): Promise<Client> {
  const client = new Client({ name: "omi-hub-scripts", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(`${baseUrl.replace(/\/+$/, "")}/api/mcp`), {
    ...(fetch ? { fetch } : {}),
    requestInit: { headers: { authorization: `Bearer ${token}` } },
  });
  await client.connect(transport);
  return client;
}

/** A tool call's text and structured answer (or its error), loosely typed for assertions and reports. */
export async function callTool(client: Client, name: string, args: Record<string, unknown> = {}) {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = result.content.map((c) => (c.type === "text" ? c.text : "")).join("");
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers read answers by path
  return { isError: result.isError === true, text, data: result.structuredContent as any };
}
