"use client";

import { CheckCircle2, ListChecks } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { EmptyState, ErrorState, ListSkeleton } from "@/components/ui/states";
import { LoadMore } from "@/components/ui/load-more";
import { useActionItems, type ActionItemStatus } from "@/lib/api/hooks/memories";
import { ActionItemCheckbox } from "./action-item-list";
import { RelativeTime } from "./relative-time";

const tabs: { status: ActionItemStatus; label: string }[] = [
  { status: "open", label: "Open" },
  { status: "completed", label: "Completed" },
];

export function ActionItemsBrowser() {
  const [status, setStatus] = useState<ActionItemStatus>("open");
  const query = useActionItems(status, { refetchInterval: 10_000 });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="space-y-4">
      <div
        role="group"
        aria-label="Show"
        className="inline-flex rounded-lg border border-zinc-300 bg-white p-0.5 dark:border-zinc-700 dark:bg-zinc-900"
      >
        {tabs.map((t) => (
          <button
            key={t.status}
            type="button"
            aria-pressed={status === t.status}
            onClick={() => setStatus(t.status)}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${status === t.status ? "bg-accent-600 text-white dark:bg-accent-500 dark:text-zinc-950" : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"}`}
          >
            {t.label}
          </button>
        ))}
      </div>

      {query.isPending ? (
        <ListSkeleton rows={5} label="Loading action items" />
      ) : query.isError && items.length === 0 ? (
        <ErrorState title="Could not load action items" message={query.error.message} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        status === "open" ? (
          <EmptyState icon={<CheckCircle2 className="size-8" />} title="Nothing open">
            Action items Omi finds in your conversations show up here. Tick them off here or on the memory’s page.
          </EmptyState>
        ) : (
          <EmptyState icon={<ListChecks className="size-8" />} title="Nothing completed yet">
            Items you tick (or that Omi marks done) collect here.
          </EmptyState>
        )
      ) : (
        <>
          <ul
            className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900"
            aria-label={`${status} action items`}
          >
            {items.map((item) => (
              <li key={item.id} className="flex flex-col gap-1.5 p-4 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
                <ActionItemCheckbox item={item} />
                <Link
                  href={`/memories/${item.memory.id}`}
                  className="ml-7 inline-flex min-w-0 shrink-0 items-center gap-1.5 text-xs text-zinc-600 hover:text-accent-700 sm:ml-0 sm:max-w-[45%] dark:text-zinc-400 dark:hover:text-accent-300"
                >
                  <span aria-hidden>{item.memory.emoji}</span>
                  <span className="truncate underline-offset-2 hover:underline">{item.memory.title || "Untitled memory"}</span>
                  <span aria-hidden>·</span>
                  <RelativeTime iso={item.memory.listedAt} />
                </Link>
              </li>
            ))}
          </ul>
          <LoadMore query={query} />
        </>
      )}
    </div>
  );
}
