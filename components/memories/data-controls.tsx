"use client";

import { Download, Trash2 } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { downloadExport, exportUrl, useDeleteMyData, type ExportProgress } from "@/lib/api/hooks/memories";
import { formatBytes } from "@/lib/format";

type ExportState =
  | { kind: "idle" }
  | ({ kind: "running" } & ExportProgress)
  | { kind: "done"; bytes: number; url: string; name: string }
  | { kind: "error"; message: string };

/**
 * Downloads the ZIP with fetch so the page can show progress (bytes received against
 * its size, or the server's estimate of it), then hands the file to the browser.
 */
export function ExportAll() {
  const [state, setState] = useState<ExportState>({ kind: "idle" });

  async function run() {
    setState({ kind: "running", received: 0, total: 0, exact: false, counts: "" });
    try {
      const { blob, name, bytes } = await downloadExport((progress) => setState({ kind: "running", ...progress }));
      const url = URL.createObjectURL(blob);
      setState({ kind: "done", bytes, url, name });
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      a.click();
    } catch (err) {
      setState({ kind: "error", message: err instanceof Error ? err.message : "The download stopped" });
    }
  }

  const percent =
    state.kind === "running" && state.total > 0 ? Math.min(state.exact ? 100 : 99, Math.round((state.received / state.total) * 100)) : null;

  return (
    <Card aria-labelledby="export-heading">
      <CardTitle id="export-heading">Export all my data</CardTitle>
      <CardDescription>
        One ZIP file with every memory (JSON with Omi’s original payload, and Markdown with the summary, action items and transcript), every
        day summary, and your audio as WAV files.
      </CardDescription>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button onClick={() => void run()} disabled={state.kind === "running"}>
          <Download className="size-4" aria-hidden />
          {state.kind === "running" ? "Preparing…" : "Download export"}
        </Button>
        <a href={exportUrl} download className="text-sm text-accent-700 underline underline-offset-2 dark:text-accent-300">
          or save it directly (large accounts)
        </a>
      </div>
      <div aria-live="polite" className="mt-4 text-sm">
        {state.kind === "running" ? (
          <div className="space-y-2">
            <progress
              className="h-2 w-full overflow-hidden rounded-full accent-accent-600"
              value={percent ?? undefined}
              max={100}
              aria-label="Export progress"
            />
            <p className="text-zinc-600 tabular dark:text-zinc-400">
              {formatBytes(state.received)} received{state.total ? ` of ${state.exact ? "" : "about "}${formatBytes(state.total)}` : ""}
              {state.counts ? ` · ${state.counts}` : ""}
            </p>
          </div>
        ) : state.kind === "done" ? (
          <p className="text-green-700 dark:text-green-400">
            Done: {formatBytes(state.bytes)}.{" "}
            <a href={state.url} download={state.name} className="underline underline-offset-2">
              Save {state.name} again
            </a>
          </p>
        ) : state.kind === "error" ? (
          <p role="alert" className="text-red-700 dark:text-red-300">
            The export failed: {state.message}.{" "}
            <button type="button" onClick={() => void run()} className="underline underline-offset-2">
              Try again
            </button>
          </p>
        ) : null}
      </div>
    </Card>
  );
}

/** "Delete my data" behind a modal dialog where the person types DELETE. */
export function DeleteData() {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [result, setResult] = useState<string | null>(null);
  const remove = useDeleteMyData();

  const confirm = () =>
    remove.mutate(undefined, {
      onSuccess: ({ deleted }) => {
        setResult(
          `Deleted ${deleted.memories} memories, ${deleted.daySummaries} day summaries, ${deleted.recordings} recordings, ${deleted.liveSessions} live sessions and ${deleted.deliveries} delivery log entries.`,
        );
        setOpen(false);
      },
    });

  return (
    <Card aria-labelledby="delete-heading" className="border-red-200 dark:border-red-900">
      <CardTitle id="delete-heading">Delete my data</CardTitle>
      <CardDescription>
        Removes every memory, transcript, action item, day summary, recording and delivery log entry of your account. Your account, linked
        Omi uids and tokens stay, so new data keeps arriving. This cannot be undone: export first.
      </CardDescription>
      <Button
        variant="danger"
        className="mt-4"
        onClick={() => {
          setTyped("");
          remove.reset();
          setOpen(true);
        }}
      >
        <Trash2 className="size-4" aria-hidden />
        Delete my data…
      </Button>
      {result ? (
        <p role="status" className="mt-3 text-sm text-zinc-700 dark:text-zinc-300">
          {result}
        </p>
      ) : null}
      <ConfirmDialog
        open={open}
        title="Delete all your data?"
        confirmLabel={remove.isPending ? "Deleting…" : "Delete everything"}
        danger
        busy={remove.isPending}
        canConfirm={typed === "DELETE"}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      >
        <p>Every memory, summary and recording of this account will be gone for good.</p>
        <Field
          label="Type DELETE to confirm"
          className="mt-4"
          labelClassName="text-zinc-900 dark:text-zinc-100"
          error={remove.error?.message}
        >
          {(field) => <Input {...field} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />}
        </Field>
      </ConfirmDialog>
    </Card>
  );
}
