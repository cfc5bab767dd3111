"use client";

/**
 * Settings → Import from Omi: connect an Omi Developer API key for a linked Omi
 * account (checked with Omi, stored encrypted, never shown again), import everything,
 * watch the progress, and see the hourly check. While an import is on screen this page
 * also drives it, one step at a time (that is how it advances on Vercel).
 */
import { useQueryClient } from "@tanstack/react-query";
import { DownloadCloud, Smartphone } from "lucide-react";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState, ErrorState, ListSkeleton } from "@/components/ui/states";
import {
  omiSyncKeys,
  stepSyncJob,
  useCancelSync,
  useConnectKey,
  useOmiSyncOverview,
  useRemoveKey,
  useStartSync,
  withJob,
} from "@/lib/api/hooks/omi-sync";
import type { OmiConnection, OmiSyncOverview, SyncJob } from "@/lib/api/schemas/omi-sync";
import { formatRelative } from "@/lib/format";
import { JobSummary, SyncProgress } from "./sync-progress";

type LinkRow = OmiSyncOverview["links"][number];

export function OmiDeveloperApiCard() {
  const overview = useOmiSyncOverview();
  return (
    <Card aria-labelledby="omi-import-title">
      <CardTitle id="omi-import-title">Import from Omi</CardTitle>
      <CardDescription>
        With an Omi Developer API key, everything Omi holds comes here: your past conversations with transcripts, their action items, and
        the facts Omi learned about you. Every hour the last two days are checked again, so nothing your webhooks miss stays missing. Create
        a key in the Omi app under Settings → Developer → API keys; with the{" "}
        <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">action_items:write</code> permission, ticking an action item here also
        ticks it in Omi.
      </CardDescription>
      <div className="mt-4">
        {overview.isPending ? (
          <ListSkeleton rows={1} label="Loading Omi imports" />
        ) : overview.isError ? (
          <ErrorState title="Could not load your Omi keys" message={overview.error.message} onRetry={() => void overview.refetch()} />
        ) : overview.data.links.length === 0 ? (
          <EmptyState icon={<Smartphone className="size-6" />} title="Link an Omi account first">
            A key belongs to one Omi account. Link yours above (the Omi app&rsquo;s setup step opens the link page), then come back here.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {overview.data.links.map((link) => (
              <li key={link.linkId} className="py-4 first:pt-0 last:pb-0">
                <LinkSync link={link} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}

function LinkSync({ link }: { link: LinkRow }) {
  const name = link.nickname || link.uid;
  return (
    <section aria-label={`Omi account ${name}`} className="space-y-3">
      <p className="text-sm">
        Omi account <span className="font-mono">{name}</span>
      </p>
      {link.connection && link.connection.status === "active" ? (
        <Connected link={link} connection={link.connection} />
      ) : (
        <ConnectForm link={link} />
      )}
    </section>
  );
}

function ConnectForm({ link }: { link: LinkRow }) {
  const [key, setKey] = useState("");
  const invalid = link.connection?.status === "invalid" ? link.connection : null;
  const connect = useConnectKey(link.linkId);
  const id = `omi-key-${link.linkId}`;
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        connect.mutate(key, { onSuccess: () => setKey("") });
      }}
    >
      {invalid ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {invalid.statusMessage ?? "Omi no longer accepts the key you connected."} Paste a new one.
        </p>
      ) : null}
      <label htmlFor={id} className="text-sm font-medium">
        Developer API key
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Input
          id={id}
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder="omi_dev_…"
          value={key}
          onChange={(e) => setKey(e.target.value)}
          aria-invalid={connect.isError ? true : undefined}
          aria-describedby={`${id}-help${connect.isError ? ` ${id}-error` : ""}`}
          className="font-mono"
        />
        <Button type="submit" className="shrink-0 whitespace-nowrap" disabled={!key.trim() || connect.isPending}>
          {connect.isPending ? "Checking with Omi…" : "Connect key"}
        </Button>
      </div>
      <p id={`${id}-help`} className="text-xs text-zinc-500">
        We check with Omi that the key reads this Omi account, then keep it encrypted. It is never shown again.
      </p>
      <div aria-live="polite">
        {connect.isError ? (
          <p id={`${id}-error`} role="alert" className="text-sm text-red-700 dark:text-red-300">
            {connect.error.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}

/** Steps the job while it is on screen and the tab is visible; waits as long as the job says. */
function useDriveJob(job: SyncJob | null) {
  const client = useQueryClient();
  const id = job?.active ? job.id : null;
  useEffect(() => {
    if (!id) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      let delay = 1_000;
      if (document.visibilityState === "visible") {
        try {
          const next = await stepSyncJob(id);
          client.setQueryData<OmiSyncOverview>(omiSyncKeys.overview(), (old) => old && withJob(old, next));
          if (!next.active) {
            void client.invalidateQueries({ queryKey: omiSyncKeys.overview() });
            return;
          }
          if (next.state === "waiting" && next.nextAttemptAt)
            delay = Math.min(10_000, Math.max(1_000, new Date(next.nextAttemptAt).getTime() - Date.now()));
          else delay = 300;
        } catch {
          delay = 5_000;
        }
      }
      if (!stopped) timer = setTimeout(() => void run(), delay);
    };
    void run();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [id, client]);
}

function Connected({ link, connection }: { link: LinkRow; connection: OmiConnection }) {
  const [confirming, setConfirming] = useState(false);
  const start = useStartSync(link.linkId);
  const cancel = useCancelSync();
  const remove = useRemoveKey(link.linkId);
  const job = connection.activeJob;
  useDriveJob(job);
  const writes = connection.canWriteActionItems;

  return (
    <div className="space-y-3">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Key <span className="font-mono">{connection.keyPrefix}</span>
        {connection.keyName ? ` (“${connection.keyName}”)` : ""} connected {formatRelative(connection.connectedAt)}.{" "}
        {connection.evidence === "nothing_held"
          ? "Nothing here yet to check it against; it only fills your own data. "
          : "It reads conversations Omi delivered here, so it is this account's. "}
        {writes === true
          ? "Ticks on action items go to Omi."
          : writes === false
            ? "This key may only read: ticks on action items stay here."
            : "Omi did not say what this key may do; ticks go to Omi if it allows."}
      </p>

      {job ? (
        <div className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
          <SyncProgress job={job} />
          <div className="mt-3 flex justify-end">
            <Button size="sm" variant="secondary" disabled={cancel.isPending} onClick={() => cancel.mutate(job.id)}>
              Cancel {job.kind === "import" ? "import" : "check"}
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button onClick={() => start.mutate("import")} disabled={start.isPending}>
            <DownloadCloud className="size-4" aria-hidden />
            {connection.lastImport?.state === "done" ? "Import again" : "Import from Omi"}
          </Button>
          <Button variant="secondary" onClick={() => start.mutate("reconcile")} disabled={start.isPending}>
            Check now
          </Button>
          <Button variant="ghost" onClick={() => setConfirming(true)}>
            Remove key
          </Button>
        </div>
      )}
      {start.isError || cancel.isError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {(start.error ?? cancel.error)?.message}
        </p>
      ) : null}

      {connection.lastImport ? <JobSummary job={connection.lastImport} /> : null}
      {connection.lastReconcile ? <JobSummary job={connection.lastReconcile} /> : null}
      {!job && connection.nextReconcileAt ? (
        <p className="text-xs text-zinc-500">Next check of the last two days: {formatRelative(connection.nextReconcileAt)}</p>
      ) : null}

      <ConfirmDialog
        open={confirming}
        title="Remove this Omi key?"
        confirmLabel="Remove key"
        danger
        busy={remove.isPending}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => setConfirming(false) })}
        onClose={() => setConfirming(false)}
      >
        <p>Imports and hourly checks stop. What was imported stays here. You can delete the key in the Omi app too.</p>
        {remove.isError ? <p className="mt-2 text-red-700 dark:text-red-300">{remove.error.message}</p> : null}
      </ConfirmDialog>
    </div>
  );
}
