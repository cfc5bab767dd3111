"use client";

import { Download, Trash2 } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { fetchJson } from "@/lib/api/client";
import { deleteDataResultSchema } from "@/lib/api/schemas/memories";
import { formatBytes } from "@/lib/format";

type ExportState =
  | { kind: "idle" }
  | { kind: "running"; received: number; estimate: number; counts: string }
  | { kind: "done"; bytes: number; url: string; name: string }
  | { kind: "error"; message: string };

/**
 * Downloads the ZIP with fetch so the page can show progress (bytes received against
 * the server's estimate), then hands the file to the browser.
 */
export function ExportAll() {
  const [state, setState] = useState<ExportState>({ kind: "idle" });

  async function run() {
    setState({ kind: "running", received: 0, estimate: 0, counts: "" });
    try {
      const res = await fetch("/api/v1/data", { headers: { accept: "application/zip" } });
      if (!res.ok || !res.body) throw new Error(`The server answered ${res.status}`);
      const estimate = Number(res.headers.get("x-export-estimated-bytes") ?? 0);
      const counts = `${res.headers.get("x-export-memories") ?? 0} memories, ${res.headers.get("x-export-day-summaries") ?? 0} day summaries, ${res.headers.get("x-export-recordings") ?? 0} recordings`;
      const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "omi-hub-export.zip";
      const reader = res.body.getReader();
      const parts: Uint8Array<ArrayBuffer>[] = [];
      let received = 0;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parts.push(value);
        received += value.length;
        setState({ kind: "running", received, estimate, counts });
      }
      const url = URL.createObjectURL(new Blob(parts, { type: "application/zip" }));
      setState({ kind: "done", bytes: received, url, name });
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      a.click();
    } catch (err) {
      setState({ kind: "error", message: err instanceof Error ? err.message : "The download stopped" });
    }
  }

  const percent = state.kind === "running" && state.estimate > 0 ? Math.min(99, Math.round((state.received / state.estimate) * 100)) : null;

  return (
    <Card aria-labelledby="export-heading">
      <h2 id="export-heading" className="text-lg font-semibold">
        Export all my data
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        One ZIP file with every memory (JSON with Omi’s original payload, and Markdown with the summary, action items and
        transcript), every day summary, and your audio as WAV files.
      </p>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button onClick={() => void run()} disabled={state.kind === "running"}>
          <Download className="size-4" aria-hidden />
          {state.kind === "running" ? "Preparing…" : "Download export"}
        </Button>
        <a href="/api/v1/data" download className="text-sm text-accent-700 underline underline-offset-2 dark:text-accent-300">
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
              {formatBytes(state.received)} received{state.estimate ? ` of about ${formatBytes(state.estimate)}` : ""}
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
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      const { deleted } = await fetchJson("/api/v1/data", deleteDataResultSchema, {
        method: "DELETE",
        body: JSON.stringify({ confirm: "DELETE" }),
      });
      setResult(
        `Deleted ${deleted.memories} memories, ${deleted.daySummaries} day summaries, ${deleted.recordings} recordings, ${deleted.liveSessions} live sessions and ${deleted.deliveries} delivery log entries.`,
      );
      setOpen(false);
    } catch (err) {
      setError(err instanceof Error ? err.message : "Could not delete");
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card aria-labelledby="delete-heading" className="border-red-200 dark:border-red-900">
      <h2 id="delete-heading" className="text-lg font-semibold">
        Delete my data
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Removes every memory, transcript, action item, day summary, recording and delivery log entry of your account. Your
        account, linked Omi uids and tokens stay, so new data keeps arriving. This cannot be undone: export first.
      </p>
      <Button
        variant="danger"
        className="mt-4"
        onClick={() => {
          setTyped("");
          setError(null);
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
        confirmLabel={busy ? "Deleting…" : "Delete everything"}
        danger
        busy={busy}
        canConfirm={typed === "DELETE"}
        onConfirm={() => void confirm()}
        onClose={() => setOpen(false)}
      >
        <p>Every memory, summary and recording of this account will be gone for good.</p>
        <label htmlFor="delete-confirm" className="mt-4 block font-medium text-zinc-900 dark:text-zinc-100">
          Type DELETE to confirm
        </label>
        <input
          id="delete-confirm"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
          className="mt-1 h-10 w-full rounded-lg border border-zinc-300 bg-white px-3 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
        />
        {error ? (
          <p role="alert" className="mt-2 text-red-700 dark:text-red-300">
            {error}
          </p>
        ) : null}
      </ConfirmDialog>
    </Card>
  );
}
