"use client";

/** Settings → personal API tokens for /api/v1: create (shown once), list, revoke. */
import { KeyRound } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { Input } from "@/components/ui/input";
import { EmptyState, ErrorState, ListSkeleton } from "@/components/ui/states";
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from "@/lib/api/hooks/account";
import type { ApiTokenJson } from "@/lib/api/schemas/tokens";
import { formatDateTime, formatRelative } from "@/lib/format";

export function ApiTokensCard() {
  const [name, setName] = useState("");
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  return (
    <Card aria-labelledby="tokens-title">
      <CardTitle id="tokens-title">API tokens</CardTitle>
      <CardDescription>
        For your own scripts: send <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">Authorization: Bearer &lt;token&gt;</code> to{" "}
        <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">/api/v1/…</code>. A token can read everything this account can.
      </CardDescription>
      <form
        className="mt-4 flex flex-col gap-2 sm:flex-row sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(name, {
            onSuccess: (data) => {
              setCreated({ name: data.item.name, token: data.token });
              setName("");
            },
          });
        }}
      >
        <Field label="Token name" className="flex-1" describedBy="tokens-status">
          {(field) => <Input {...field} value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Backup script" maxLength={80} />}
        </Field>
        <Button type="submit" disabled={!name.trim() || create.isPending}>
          Create token
        </Button>
      </form>
      <FormStatus id="tokens-status" error={create.error?.message} />
      {created ? (
        <div role="status" className="mt-4 rounded-lg border border-emerald-200 bg-emerald-50 p-3 dark:border-emerald-900 dark:bg-emerald-950/40">
          <p className="text-sm font-medium text-emerald-900 dark:text-emerald-200">
            Token &ldquo;{created.name}&rdquo; created. Copy it now: it is not shown again.
          </p>
          <div className="mt-2 flex items-center gap-2">
            <code aria-label="New API token" className="min-w-0 flex-1 break-all rounded-md bg-white px-2 py-1.5 font-mono text-xs dark:bg-zinc-900">
              {created.token}
            </code>
            <CopyButton value={created.token} label="Copy the new token" />
          </div>
          <Button size="sm" variant="ghost" className="mt-2" onClick={() => setCreated(null)}>
            Done
          </Button>
        </div>
      ) : null}
      <div className="mt-4">
        {tokens.isPending ? (
          <ListSkeleton rows={1} label="Loading API tokens" />
        ) : tokens.isError ? (
          <ErrorState message={tokens.error.message} onRetry={() => tokens.refetch()} />
        ) : tokens.data.items.length === 0 ? (
          <EmptyState icon={<KeyRound className="size-6" />} title="No API tokens">
            Create one to read your memories, transcripts and summaries from a script.
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
        <p className="truncate text-sm font-medium">{token.name}</p>
        <p className="text-xs text-zinc-500">
          <span className="font-mono">{token.prefix}…</span> · created <time dateTime={token.createdAt} title={formatDateTime(token.createdAt)}>{formatRelative(token.createdAt)}</time> ·{" "}
          {token.lastUsedAt ? (
            <>
              last used <time dateTime={token.lastUsedAt} title={formatDateTime(token.lastUsedAt)}>{formatRelative(token.lastUsedAt)}</time>
            </>
          ) : (
            "never used"
          )}
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
        <p>Scripts using this token get 401 from now on.</p>
        <FormStatus error={revoke.error?.message} />
      </ConfirmDialog>
    </li>
  );
}
