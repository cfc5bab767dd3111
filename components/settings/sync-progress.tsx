"use client";

/** An import or reconcile from Omi's Developer API as a person follows it: a progress bar, counts, and why it waits. */
import { AlertTriangle, CheckCircle2, Clock } from "lucide-react";
import type { SyncJob } from "@/lib/api/schemas/omi-sync";
import { formatRelative, formatTime } from "@/lib/format";

const phaseLabels: Record<SyncJob["phase"], string> = {
  count: "Counting your conversations in Omi…",
  conversations: "Importing conversations with their transcripts…",
  "action-items": "Reading action items…",
  facts: "Reading the facts Omi learned about you…",
  done: "Finishing…",
};

const n = (value: number) => value.toLocaleString();

export function SyncProgress({ job }: { job: SyncJob }) {
  const pct = job.progress === null ? null : Math.round(job.progress * 100);
  const c = job.counts;
  const conversations =
    job.totalConversations !== null && job.kind === "import"
      ? `${n(c.conversationsRead)} of ${n(job.totalConversations)}`
      : n(c.conversationsRead);
  const label = job.kind === "import" ? "Import progress" : "Check progress";
  return (
    <div className="space-y-3" aria-live="polite">
      <div className="flex items-center justify-between gap-3 text-sm">
        <span className="font-medium">{job.state === "waiting" ? "Paused" : phaseLabels[job.phase]}</span>
        <span className="tabular-nums text-zinc-600 dark:text-zinc-400">{pct === null ? "" : `${pct} %`}</span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct ?? undefined}
        aria-valuetext={pct === null ? "Counting" : `${pct} percent, ${conversations} conversations`}
        className="h-2.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        {pct === null ? (
          <div className="h-full w-1/3 animate-pulse rounded-full bg-accent-400/70" />
        ) : (
          <div
            className="h-full rounded-full bg-accent-600 transition-[width] duration-500 dark:bg-accent-400"
            style={{ width: `${Math.max(2, pct)}%` }}
          />
        )}
      </div>
      <SyncCounts job={job} />
      {job.state === "waiting" && job.lastError ? (
        <p className="flex items-start gap-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:bg-amber-950/40 dark:text-amber-100">
          <Clock className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>
            {job.lastError}
            {job.nextAttemptAt ? ` (at ${formatTime(job.nextAttemptAt)})` : ""}
          </span>
        </p>
      ) : null}
    </div>
  );
}

export function SyncCounts({ job }: { job: SyncJob }) {
  const c = job.counts;
  const conversationsDetail = [
    c.conversationsCreated ? `${n(c.conversationsCreated)} new` : null,
    c.conversationsUpdated ? `${n(c.conversationsUpdated)} updated` : null,
    c.conversationsSkipped ? `${n(c.conversationsSkipped)} skipped` : null,
  ]
    .filter(Boolean)
    .join(", ");
  const total = job.kind === "import" && job.totalConversations !== null && job.active ? ` of ${n(job.totalConversations)}` : "";
  return (
    <dl className="grid grid-cols-3 gap-2 text-sm">
      <div className="rounded-lg bg-zinc-50 px-3 py-2 dark:bg-zinc-800/60">
        <dt className="text-xs text-zinc-500">Conversations</dt>
        <dd className="tabular-nums font-medium">
          {n(c.conversationsRead)}
          {total}
        </dd>
        {conversationsDetail ? <dd className="text-xs text-zinc-500">{conversationsDetail}</dd> : null}
      </div>
      <div className="rounded-lg bg-zinc-50 px-3 py-2 dark:bg-zinc-800/60">
        <dt className="text-xs text-zinc-500">Action items</dt>
        <dd className="tabular-nums font-medium">{n(c.actionItemsRead)}</dd>
        {c.actionItemsChanged || c.ticksSent ? (
          <dd className="text-xs text-zinc-500">
            {[
              c.actionItemsChanged ? `${n(c.actionItemsChanged)} changed in Omi` : null,
              c.ticksSent ? `${n(c.ticksSent)} ticks sent` : null,
            ]
              .filter(Boolean)
              .join(", ")}
          </dd>
        ) : null}
      </div>
      <div className="rounded-lg bg-zinc-50 px-3 py-2 dark:bg-zinc-800/60">
        <dt className="text-xs text-zinc-500">Facts</dt>
        <dd className="tabular-nums font-medium">{n(c.factsRead)}</dd>
      </div>
    </dl>
  );
}

/** One line about a finished job: when, and what it found. */
export function JobSummary({ job }: { job: SyncJob }) {
  const when = job.finishedAt ? formatRelative(job.finishedAt) : formatRelative(job.createdAt);
  const what = job.kind === "import" ? "Import" : "Check";
  if (job.state === "failed" || job.state === "cancelled") {
    return (
      <p className="flex items-start gap-2 text-sm text-zinc-700 dark:text-zinc-300">
        <AlertTriangle className="mt-0.5 size-4 shrink-0 text-amber-600" aria-hidden />
        <span>
          {what} {job.state === "failed" ? "stopped" : "cancelled"} {when}
          {job.lastError ? `: ${job.lastError}` : "."} What it stored stays.
        </span>
      </p>
    );
  }
  const c = job.counts;
  const found =
    job.kind === "reconcile"
      ? c.missing
        ? `found ${n(c.missing)} conversation${c.missing === 1 ? "" : "s"} your webhooks never delivered (see Deliveries)`
        : "nothing was missing"
      : `${n(c.conversationsRead)} conversations (${n(c.conversationsCreated)} new), ${n(c.actionItemsRead)} action items, ${n(c.factsRead)} facts`;
  return (
    <p className="flex items-start gap-2 text-sm text-zinc-700 dark:text-zinc-300">
      <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-emerald-600" aria-hidden />
      <span>
        {what} finished {when}: {found}.{job.notes.length ? ` ${job.notes.join(" ")}` : ""}
      </span>
    </p>
  );
}
