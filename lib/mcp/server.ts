/**
 * The MCP server over Streamable HTTP, stateless: every POST builds a server for its
 * caller, answers in JSON and is done, so any instance (a Vercel function, one of several
 * `npm start` processes) can take any request; there is no session to keep.
 */
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import type { RequestUser } from "@/lib/api/request-auth";
import { baseUrlFrom } from "@/lib/urls";
import { registerActionItemTools } from "./action-items";
import { mcpContext, type McpContext } from "./context";
import { registerDaySummaryResource, registerDaySummaryTools } from "./day-summaries";
import { registerLiveTools } from "./live";
import { registerMemoryResource, registerMemoryTools } from "./memories";
import { registerNotifyTools } from "./notify";
import { registerRecordingTools } from "./recordings";

/** Tool calls are a few small arguments; anything bigger is refused (413) before parsing. */
export const MAX_MCP_BODY_BYTES = 64 * 1024;

const instructions =
  "Omi Hub keeps this person's data from their Omi wearable: memories (finished conversations with summary, action " +
  "items and a transcript with speakers), day summaries, the live transcript of what Omi hears now, and audio " +
  "recordings. Find conversations with search_memories (it also searches transcripts), then read one with get_memory. " +
  "Every answer carries links (url) to the same data in Omi Hub; share them with the person.";

export function buildMcpServer(ctx: McpContext): McpServer {
  const server = new McpServer({ name: "omi-hub", title: "Omi Hub", version: "1.0.0" }, { instructions, maxToolInputElements: 100 });
  registerMemoryTools(server, ctx);
  registerActionItemTools(server, ctx);
  registerDaySummaryTools(server, ctx);
  registerLiveTools(server, ctx);
  registerRecordingTools(server, ctx);
  registerNotifyTools(server, ctx);
  registerMemoryResource(server, ctx);
  registerDaySummaryResource(server, ctx);
  return server;
}

/** Answers one MCP POST (a JSON-RPC message or batch) for an authenticated caller. */
export async function handleMcpPost(req: Request, user: RequestUser): Promise<Response> {
  const server = buildMcpServer(mcpContext({ user, baseUrl: baseUrlFrom(req.headers) }));
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
    maxRequestBodySize: MAX_MCP_BODY_BYTES,
  });
  await server.connect(transport);
  try {
    const res = await transport.handleRequest(req);
    // JSON mode: the answer is complete; read it before the server closes.
    const body = await res.arrayBuffer();
    return new Response(body.byteLength ? body : null, { status: res.status, headers: res.headers });
  } finally {
    await server.close();
  }
}
