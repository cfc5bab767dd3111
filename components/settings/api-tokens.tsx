"use client";

/** Settings → personal API tokens for /api/v1 and /api/mcp: create with scopes and an expiry (shown once), list, revoke. */
import { KeyRound } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { FormStatus } from "@/components/ui/form-status";
import { Checkbox } from "@/components/ui/input";
import { EmptyState, ErrorState, ListSkeleton } from "@/components/ui/states";
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from "@/lib/api/hooks/account";
import type { ApiTokenJson } from "@/lib/api/schemas/tokens";
import { tokenScopeInfo, tokenScopes, type TokenScope } from "@/lib/auth/token-scopes";
import { formatDateTime, formatRelative } from "@/lib/format";
import { ExpirySelect, ExpiryText, ScopeBadges, TokenCreated, TokenNameField } from "./token-fields";

export function ApiTokensCard() {
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<TokenScope[]>(["read"]);
  const [expiresInDays, setExpiresInDays] = useState<number | null>(null);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const toggle = (scope: TokenScope, on: boolean) => setScopes((s) => (on ? [...s, scope] : s.filter((x) => x !== scope)));
  return (
    <Card aria-labelledby="tokens-title">
      <CardTitle id="tokens-title">API tokens</CardTitle>
      <CardDescription>
        For your own scripts: send <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">Authorization: Bearer &lt;token&gt;</code> to{" "}
        <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">/api/v1/…</code>. A token may do only what its scopes allow.
      </CardDescription>
      <form
        className="mt-4 space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            { name, scopes, expiresInDays },
            {
              onSuccess: (data) => {
                setCreated({ name: data.item.name, token: data.token });
                setName("");
              },
            },
          );
        }}
      >
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <TokenNameField id="token-name" label="Token name" value={name} onChange={setName} placeholder="e.g. Backup script" />
          <ExpirySelect id="token-expiry" value={expiresInDays} onChange={setExpiresInDays} />
        </div>
        <fieldset>
          <legend className="text-sm font-medium">It may</legend>
          <div className="mt-1 grid gap-2 sm:grid-cols-2">
            {tokenScopes.map((scope) => (
              <label key={scope} className="flex items-start gap-2 rounded-lg border border-zinc-200 p-2 text-sm dark:border-zinc-800">
                <Checkbox checked={scopes.includes(scope)} onChange={(e) => toggle(scope, e.target.checked)} className="mt-0.5" />
                <span>
                  <span className="font-medium">{tokenScopeInfo[scope].label}</span>
                  <span className="block text-xs text-zinc-500">{tokenScopeInfo[scope].description}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <Button type="submit" disabled={!name.trim() || scopes.length === 0 || create.isPending}>
          Create token
        </Button>
      </form>
      <FormStatus id="tokens-status" error={create.error?.message} />
      {created ? (
        <TokenCreated
          message={<>Token &ldquo;{created.name}&rdquo; created. Copy it now: it is not shown again.</>}
          onDone={() => setCreated(null)}
        >
          <div className="flex items-center gap-2">
            <code
              aria-label="New API token"
              className="min-w-0 flex-1 break-all rounded-md bg-white px-2 py-1.5 font-mono text-xs dark:bg-zinc-900"
            >
              {created.token}
            </code>
            <CopyButton value={created.token} label="Copy the new token" />
          </div>
        </TokenCreated>
      ) : null}
      <div className="mt-4">
        {tokens.isPending ? (
          <ListSkeleton rows={1} label="Loading API tokens" />
        ) : tokens.isError ? (
          <ErrorState message={tokens.error.message} onRetry={() => tokens.refetch()} />
        ) : tokens.data.items.length === 0 ? (
          <EmptyState icon={<KeyRound className="size-6" />} title="No API tokens">
            Create one to read your memories, transcripts and summaries from a script or an AI assistant.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {tokens.data.items.map((t) => (
              <TokenRow key={t.id} token={t} />
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}

function TokenRow({ token }: { token: ApiTokenJson }) {
  const [confirming, setConfirming] = useState(false);
  const revoke = useRevokeApiToken(token.id);
  return (
    <li className="flex flex-wrap items-center gap-3 py-3">
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
          <span className="truncate">{token.name}</span>
          <ScopeBadges scopes={token.scopes} />
        </p>
        <p className="text-xs text-zinc-500">
          <span className="font-mono">{token.prefix}…</span> · created{" "}
          <time dateTime={token.createdAt} title={formatDateTime(token.createdAt)}>
            {formatRelative(token.createdAt)}
          </time>{" "}
          ·{" "}
          {token.lastUsedAt ? (
            <>
              last used{" "}
              <time dateTime={token.lastUsedAt} title={formatDateTime(token.lastUsedAt)}>
                {formatRelative(token.lastUsedAt)}
              </time>
            </>
          ) : (
            "never used"
          )}{" "}
          · <ExpiryText token={token} />
        </p>
      </div>
      <Button size="sm" variant="ghost" onClick={() => setConfirming(true)} aria-label={`Revoke ${token.name}`}>
        Revoke
      </Button>
      <ConfirmDialog
        open={confirming}
        title={`Revoke “${token.name}”?`}
        confirmLabel="Revoke"
        danger
        busy={revoke.isPending}
        onConfirm={() => revoke.mutate(undefined, { onSuccess: () => setConfirming(false) })}
        onClose={() => setConfirming(false)}
      >
        <p>Scripts and assistants using this token get 401 from now on.</p>
        <FormStatus error={revoke.error?.message} />
      </ConfirmDialog>
    </li>
  );
}
