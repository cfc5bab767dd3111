"use client";
import { FileText } from "lucide-react";
import Link from "next/link";
import { Skeleton } from "@/components/ui/states";
import { useLiveSessions } from "@/lib/api/hooks/live";
import { formatDateTime, formatDuration, formatRelative } from "@/lib/format";

/** Earlier live sessions, each with the memory Omi made of it once that arrived. */
export function PastSessions({ currentId }: { currentId: string | null }) {
  const sessions = useLiveSessions({ refetchInterval: 30_000 });

  return (
    <section aria-labelledby="past-sessions" className="mt-8">
      <h2 id="past-sessions" className="mb-3 text-lg font-semibold">
        Past sessions
      </h2>
      {sessions.isPending ? (
        <div role="status" aria-label="Loading sessions" className="space-y-2">
          <Skeleton className="h-14 w-full" />
          <Skeleton className="h-14 w-full" />
        </div>
      ) : sessions.isError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          The sessions could not be loaded: {sessions.error.message}{" "}
          <button type="button" onClick={() => void sessions.refetch()} className="font-medium underline">
            Try again
          </button>
        </p>
      ) : (
        <PastList items={sessions.data.items.filter((s) => s.id !== currentId)} />
      )}
    </section>
  );
}

function PastList({
  items,
}: {
  items: {
    id: string;
    startedAt: string;
    lastSegmentAt: string;
    segmentCount: number;
    memoryId: string | null;
    memoryTitle: string | null;
  }[];
}) {
  if (items.length === 0) {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Finished sessions appear here, linked to the memory Omi makes of each conversation.
      </p>
    );
  }
  return (
    <ul className="divide-y divide-zinc-200 overflow-hidden rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
      {items.map((s) => {
        const seconds = (new Date(s.lastSegmentAt).getTime() - new Date(s.startedAt).getTime()) / 1000;
        return (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-3">
            <div className="min-w-0">
              <p className="text-sm font-medium">
                <time dateTime={s.startedAt} title={formatDateTime(s.startedAt)}>
                  {formatRelative(s.startedAt)}
                </time>
              </p>
              <p className="tabular text-xs text-zinc-500 dark:text-zinc-400">
                {formatDuration(seconds)} · {s.segmentCount} {s.segmentCount === 1 ? "line" : "lines"}
              </p>
            </div>
            {s.memoryId ? (
              <Link
                href={`/memories/${s.memoryId}`}
                className="inline-flex min-w-0 items-center gap-1.5 rounded text-sm font-medium text-accent-700 hover:underline focus-visible:outline-2 focus-visible:outline-accent-500 dark:text-accent-300"
              >
                <FileText aria-hidden className="size-4 shrink-0" />
                <span className="truncate">{s.memoryTitle || "Open memory"}</span>
              </Link>
            ) : (
              <span className="text-xs text-zinc-500 dark:text-zinc-400">Memory not received yet</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
