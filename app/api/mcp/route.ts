/**
 * The MCP server (Model Context Protocol, Streamable HTTP, stateless): AI assistants read
 * this account's Omi data with a personal API token. Tools live in lib/mcp; see the
 * README, "Use your data in an AI assistant (MCP)".
 */
import { AppError } from "@/lib/api/errors";
import { route } from "@/lib/api/handler";
import { errorResponse } from "@/lib/api/respond";
import { mcpCaller } from "@/lib/mcp/auth";
import { handleMcpPost } from "@/lib/mcp/server";

export const runtime = "nodejs";
export const maxDuration = 60;

export const POST = route({ auth: mcpCaller }, async ({ req, user }) => handleMcpPost(req, user));

/** Stateless: no event stream to open and no session to end. */
function notAllowed(): Response {
  return errorResponse(
    new AppError("method_not_allowed", "This MCP server answers POST only (stateless Streamable HTTP)", undefined, { allow: "POST" }),
  );
}

export { notAllowed as GET, notAllowed as DELETE };
