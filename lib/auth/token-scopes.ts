/**
 * What a personal API token may do, chosen when it is created. A plain module (no
 * server imports): the Settings page shows the same list the server enforces.
 *
 * - read: everything the dashboard shows (memories, transcripts, recaps, audio, logs)
 * - write: change action items, notification rules and settings, recordings, replays
 * - notify: push notifications to the account's verified Omi uids
 * - account: tokens, links, webhook URLs and secrets, export and deletion of data
 *
 * A signed-in browser session has every scope.
 */
export const tokenScopes = ["read", "write", "notify", "account"] as const;
export type TokenScope = (typeof tokenScopes)[number];

export const allTokenScopes: TokenScope[] = [...tokenScopes];

export const tokenScopeInfo: Record<TokenScope, { label: string; description: string }> = {
  read: { label: "Read", description: "Memories, transcripts, action items, recaps, live sessions, recordings and logs" },
  write: { label: "Write", description: "Tick action items; change notification rules, recordings and replays" },
  notify: { label: "Notify", description: "Send notifications to your verified Omi accounts" },
  account: { label: "Account", description: "Tokens, links, webhook URLs, export and deletion of your data" },
};

/** Scopes in the canonical order, without duplicates. */
export function normaliseScopes(scopes: readonly TokenScope[]): TokenScope[] {
  return tokenScopes.filter((s) => scopes.includes(s));
}
