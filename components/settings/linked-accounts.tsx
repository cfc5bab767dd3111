"use client";

/** Settings → Omi accounts: each linked uid with its state, a nickname, and unlink. */
import { Smartphone } from "lucide-react";
import NextLink from "next/link";
import { useState } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormStatus } from "@/components/ui/form-status";
import { Input, Label } from "@/components/ui/input";
import { EmptyState, ErrorState, ListSkeleton } from "@/components/ui/states";
import { useLinks, useRenameLink, useUnlink } from "@/lib/api/hooks/links";
import type { Link } from "@/lib/api/schemas/links";
import { formatRelative } from "@/lib/format";
import { LinkStatusBadge } from "./status-badge";

export function LinkedAccounts({ canConnect }: { canConnect: boolean }) {
  const links = useLinks();
  return (
    <Card aria-labelledby="links-title">
      <CardTitle id="links-title">Omi accounts</CardTitle>
      <CardDescription>
        Linked Omi accounts show their data here. Link one from the Omi app (the app&rsquo;s setup step opens this site&rsquo;s link page),
        {canConnect ? " or connect through Omi." : " or use the personal webhook URLs below, which need no link."}
      </CardDescription>
      <div className="mt-4">
        {links.isPending ? (
          <ListSkeleton rows={1} label="Loading linked Omi accounts" />
        ) : links.isError ? (
          <ErrorState message={links.error.message} onRetry={() => links.refetch()} />
        ) : links.data.items.length === 0 ? (
          <EmptyState icon={<Smartphone className="size-6" />} title="No Omi account linked yet">
            In the Omi app, enable this app and follow its setup step; it opens{" "}
            <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">/link</code> here with your Omi user id.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {links.data.items.map((link) => (
              <LinkRow key={link.id} link={link} />
            ))}
          </ul>
        )}
      </div>
      {canConnect ? (
        <div className="mt-4">
          <ButtonLink href="/link/connect" prefetch={false} variant="secondary">
            Connect with Omi
          </ButtonLink>
        </div>
      ) : null}
    </Card>
  );
}

function LinkRow({ link }: { link: Link }) {
  const [nickname, setNickname] = useState(link.nickname ?? "");
  const [confirming, setConfirming] = useState(false);
  const rename = useRenameLink(link);
  const remove = useUnlink(link);
  const label = link.nickname || link.uid;
  return (
    <li className="flex flex-col gap-3 py-3 sm:flex-row sm:items-center">
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <span className="truncate font-mono text-sm" title={link.uid}>
            {link.uid}
          </span>
          <LinkStatusBadge status={link.status} />
        </div>
        <p className="mt-0.5 text-xs text-zinc-500">
          Linked {formatRelative(link.createdAt)}
          {link.status === "unverified" ? (
            <>
              {" · "}
              <NextLink href={`/link?uid=${encodeURIComponent(link.uid)}`} className="text-accent-700 underline dark:text-accent-300">
                enter the code
              </NextLink>
            </>
          ) : null}
        </p>
      </div>
      <form
        className="flex items-center gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          rename.mutate(nickname || null);
        }}
      >
        <Label htmlFor={`nickname-${link.id}`} className="sr-only">
          Nickname for {link.uid}
        </Label>
        <Input
          id={`nickname-${link.id}`}
          size="sm"
          value={nickname}
          onChange={(e) => setNickname(e.target.value)}
          placeholder="Nickname"
          maxLength={60}
          aria-describedby={`nickname-${link.id}-status`}
          className="h-8 w-36 px-3"
        />
        <Button type="submit" size="sm" variant="secondary" disabled={rename.isPending || nickname === (link.nickname ?? "")}>
          Save
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setConfirming(true)} aria-label={`Unlink ${label}`}>
          Unlink
        </Button>
      </form>
      <FormStatus id={`nickname-${link.id}-status`} error={rename.error?.message} inline className="empty:hidden" />
      <ConfirmDialog
        open={confirming}
        title="Unlink this Omi account?"
        confirmLabel="Unlink"
        danger
        busy={remove.isPending}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => setConfirming(false) })}
        onClose={() => setConfirming(false)}
      >
        <p>
          Data from <span className="font-mono">{label}</span> stops showing here. What arrived through your personal webhook URLs stays
          yours.
        </p>
        <FormStatus error={remove.error?.message} />
      </ConfirmDialog>
    </li>
  );
}
