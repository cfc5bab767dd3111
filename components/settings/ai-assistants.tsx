"use client";

/**
 * Settings → AI assistants: a read-only token for an assistant in one step, and the lines
 * to paste into it (Claude Code's command, the JSON block file-configured clients read).
 * The instructions are built here, in the browser: the token is shown once, never stored.
 */
import { AlertTriangle, Bot } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { FormStatus } from "@/components/ui/form-status";
import { useCreateApiToken } from "@/lib/api/hooks/account";
import { claudeCommand, mcpJsonConfig } from "@/lib/mcp/setup-snippets";
import { ExpirySelect, TokenCreated, TokenNameField } from "./token-fields";

function Snippet({ label, value, copyLabel }: { label: string; value: string; copyLabel: string }) {
  return (
    <div>
      <p className="text-sm font-medium">{label}</p>
      <div className="mt-1 flex items-start gap-2">
        <pre
          aria-label={label}
          className="min-w-0 flex-1 overflow-x-auto whitespace-pre-wrap break-all rounded-md bg-white px-2 py-1.5 font-mono text-xs dark:bg-zinc-950"
        >
          {value}
        </pre>
        <CopyButton value={value} label={copyLabel} />
      </div>
    </div>
  );
}

export function AiAssistantsCard({ mcpUrl, publicHttps }: { mcpUrl: string; publicHttps: boolean }) {
  const [name, setName] = useState("Claude");
  const [expiresInDays, setExpiresInDays] = useState<number | null>(90);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const create = useCreateApiToken();
  return (
    <Card id="ai-assistants" aria-labelledby="assistants-title">
      <CardTitle id="assistants-title" className="flex items-center gap-2">
        <Bot className="size-5 text-accent-600 dark:text-accent-400" aria-hidden />
        AI assistants
      </CardTitle>
      <CardDescription>
        Ask Claude, Cursor or any MCP client about your conversations: &ldquo;what did I promise Priya last week?&rdquo;, &ldquo;summarise
        Tuesday&rdquo;. The assistant gets a read-only token: it can search and read your memories, transcripts, action items and summaries,
        and cannot change, delete or send anything.
      </CardDescription>
      <div className="mt-4">
        <p className="text-sm font-medium">MCP server URL</p>
        <div className="mt-1 flex items-center gap-2">
          <code className="min-w-0 flex-1 truncate rounded-md bg-zinc-100 px-2 py-1.5 font-mono text-xs dark:bg-zinc-800" title={mcpUrl}>
            {mcpUrl}
          </code>
          <CopyButton value={mcpUrl} label="Copy the MCP server URL" />
        </div>
      </div>
      {!publicHttps ? (
        <p className="mt-3 flex gap-2 rounded-lg bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
          <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>
            Assistants on this computer (Claude Code, Cursor) can use this address. Assistants that run in the cloud need a public HTTPS
            address: open a tunnel and set APP_URL.
          </span>
        </p>
      ) : null}
      <form
        className="mt-4 flex flex-col gap-3 sm:flex-row sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            { name, scopes: ["read"], expiresInDays },
            { onSuccess: (data) => setCreated({ name: data.item.name, token: data.token }) },
          );
        }}
      >
        <TokenNameField id="assistant-name" label="Assistant name" value={name} onChange={setName} />
        <ExpirySelect id="assistant-expiry" value={expiresInDays} onChange={setExpiresInDays} />
        <Button type="submit" disabled={!name.trim() || create.isPending}>
          Create read-only token
        </Button>
      </form>
      <FormStatus error={create.error?.message} />
      {created ? (
        <TokenCreated
          message={<>Read-only token for &ldquo;{created.name}&rdquo; created. Copy the instructions now: the token is not shown again.</>}
          onDone={() => setCreated(null)}
        >
          <Snippet
            label="Claude Code: run in a terminal"
            value={claudeCommand({ url: mcpUrl, token: created.token })}
            copyLabel="Copy the claude mcp add command"
          />
          <Snippet
            label="Clients configured by a file (.mcp.json, Cursor's mcp.json…)"
            value={mcpJsonConfig({ url: mcpUrl, token: created.token })}
            copyLabel="Copy the JSON configuration"
          />
          <p className="text-xs text-emerald-900 dark:text-emerald-200">
            Revoke it under API tokens below whenever you like; the assistant then gets 401.
          </p>
        </TokenCreated>
      ) : null}
    </Card>
  );
}
