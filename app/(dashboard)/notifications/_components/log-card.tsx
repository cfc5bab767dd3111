"use client";

/** The log: every notification with its status in words, reason, attempts and Omi's answer. */
import { BellRing } from "lucide-react";
import { RelativeTime } from "@/components/memories/relative-time";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { EmptyState, ErrorState, ListSkeleton } from "@/components/ui/states";
import { useNotificationLog } from "@/lib/api/hooks/notifications";
import type { NotificationView } from "@/lib/api/schemas/notifications";
import { StatusChip } from "./status-chip";

export function LogCard() {
  // Queued and held ones change on their own (retries, limits lifting).
  const log = useNotificationLog({ refetchInterval: 5_000 });
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card aria-labelledby="log-title">
      <CardTitle id="log-title">Log</CardTitle>
      <CardDescription>Every notification, what became of it and what Omi answered. Newest first.</CardDescription>
      <div className="mt-4">
        {log.isPending ? (
          <ListSkeleton rows={3} label="Loading the notification log" />
        ) : log.isError ? (
          <ErrorState title="The log could not be loaded" message={log.error.message} onRetry={() => log.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState icon={<BellRing className="size-6" />} title="Nothing sent yet">
            Send one with the form above, or create a rule: when it fires, the notification shows up here with Omi&rsquo;s answer.
          </EmptyState>
        ) : (
          <>
            <ul aria-label="Notifications" className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {items.map((n) => (
                <LogRow key={n.id} n={n} />
              ))}
            </ul>
            {log.hasNextPage ? (
              <Button variant="secondary" size="sm" className="mt-3" disabled={log.isFetchingNextPage} onClick={() => log.fetchNextPage()}>
                {log.isFetchingNextPage ? "Loading…" : "Show older"}
              </Button>
            ) : null}
          </>
        )}
      </div>
    </Card>
  );
}

function LogRow({ n }: { n: NotificationView }) {
  return (
    <li className="py-3">
      <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400">
        <StatusChip status={n.status} />
        <span>{n.ruleName ? `Rule “${n.ruleName}”` : n.type.replace("_", " ")}</span>
        <span aria-hidden>·</span>
        <span className="font-mono">to {n.uid.length > 14 ? `${n.uid.slice(0, 6)}…${n.uid.slice(-4)}` : n.uid}</span>
        <span aria-hidden>·</span>
        <span>{n.channel === "realtime_reply" ? "realtime reply" : "Omi API"}</span>
        <span aria-hidden>·</span>
        <RelativeTime iso={n.createdAt} />
      </div>
      <p className="mt-1 text-sm break-words whitespace-pre-line">{n.message}</p>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5 text-xs text-zinc-600 dark:text-zinc-400">
        {n.reason ? (
          <>
            <dt className="font-medium">Why</dt>
            <dd>{n.reason}</dd>
          </>
        ) : null}
        <dt className="font-medium">Attempts</dt>
        <dd className="tabular">{n.attempts}</dd>
        {n.omiStatus !== null || n.omiResponse ? (
          <>
            <dt className="font-medium">Omi answered</dt>
            <dd className="break-words">
              {n.omiStatus !== null ? <span className="tabular">HTTP {n.omiStatus}</span> : null}
              {n.omiStatus !== null && n.omiResponse ? " · " : null}
              {n.omiResponse}
            </dd>
          </>
        ) : null}
        {n.nextAttemptAt && (n.status === "held" || n.status === "queued") ? (
          <>
            <dt className="font-medium">Next try</dt>
            <dd>
              <RelativeTime iso={n.nextAttemptAt} />
            </dd>
          </>
        ) : null}
      </dl>
    </li>
  );
}
