/**
 * What a person pastes into an AI assistant to connect it to this Omi Hub (Settings →
 * AI assistants, and the README). A plain module: the Settings page builds them in the
 * browser once the token exists, so the token never travels back to the server.
 */
export const MCP_SERVER_NAME = "omi-hub";

export function mcpUrlFor(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/api/mcp`;
}

/** One line for Claude Code. */
export function claudeCommand({ url, token }: { url: string; token: string }): string {
  return `claude mcp add --transport http ${MCP_SERVER_NAME} ${url} --header "Authorization: Bearer ${token}"`;
}

/** The `mcpServers` block that clients configured by a file read (.mcp.json, Cursor's mcp.json, …). */
export function mcpJsonConfig({ url, token }: { url: string; token: string }): string {
  const config = { mcpServers: { [MCP_SERVER_NAME]: { type: "http", url, headers: { Authorization: `Bearer ${token}` } } } };
  return JSON.stringify(config, null, 2);
}
