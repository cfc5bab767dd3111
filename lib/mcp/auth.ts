/**
 * Who may talk to /api/mcp: a personal API token sent as Authorization: Bearer (MCP
 * clients send the header the person configured; a browser session is not accepted
 * here). A refusal is a 401 with the WWW-Authenticate challenge the MCP authorization
 * spec asks for: Bearer with `resource_metadata`, the URL of this server's OAuth
 * Protected Resource Metadata (RFC 9728), plus `error="invalid_token"` when a token was
 * sent but is unknown, revoked or expired (RFC 6750 §3.1).
 */
import type { Authenticator } from "@/lib/api/handler";
import { AppError } from "@/lib/api/errors";
import { bearerToken, type RequestUser, userFromApiToken } from "@/lib/api/request-auth";
import { tokenScopes } from "@/lib/auth/token-scopes";
import { baseUrlFrom } from "@/lib/urls";

export const MCP_PATH = "/api/mcp";

export function resourceMetadataUrl(baseUrl: string): string {
  return `${baseUrl}/.well-known/oauth-protected-resource${MCP_PATH}`;
}

/**
 * RFC 9728 metadata for /api/mcp. It names no authorization server: tokens are made in
 * Settings (there is no OAuth flow), so a client uses the header it was configured with.
 */
export function protectedResourceMetadata(baseUrl: string) {
  return {
    resource: `${baseUrl}${MCP_PATH}`,
    resource_name: "Omi Hub",
    bearer_methods_supported: ["header"],
    scopes_supported: [...tokenScopes],
    resource_documentation: `${baseUrl}/settings#ai-assistants`,
  };
}

const quoted = (s: string) => `"${s.replace(/["\\]/g, "")}"`;

function refuse(baseUrl: string, message: string, tokenSent: boolean): AppError {
  const params = [`realm=${quoted("Omi Hub")}`, `resource_metadata=${quoted(resourceMetadataUrl(baseUrl))}`];
  if (tokenSent) params.push(`error=${quoted("invalid_token")}`, `error_description=${quoted(message)}`);
  return new AppError("unauthorized", message, undefined, { "www-authenticate": `Bearer ${params.join(", ")}` });
}

export const mcpCaller: Authenticator<RequestUser> = async (req) => {
  const baseUrl = baseUrlFrom(req.headers);
  const token = bearerToken(req);
  if (!token) {
    throw refuse(baseUrl, "Send a personal API token as Authorization: Bearer <token> (Omi Hub → Settings → AI assistants)", false);
  }
  let user: RequestUser | null;
  try {
    user = await userFromApiToken(token);
  } catch (err) {
    // An expired token: the same 401, with the challenge.
    if (err instanceof AppError && err.code === "unauthorized") throw refuse(baseUrl, err.message, true);
    throw err;
  }
  if (!user) throw refuse(baseUrl, "The API token is not valid (it may have been revoked)", true);
  return user;
};
