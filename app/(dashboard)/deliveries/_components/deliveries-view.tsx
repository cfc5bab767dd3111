"use client";

/**
 * The delivery log: chart and warnings, URL-synced filters, the newest-first list that
 * refreshes itself every few seconds, and multi-select replay with progress.
 */
import { Inbox, RotateCcw, ShieldQuestion } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { SampleDataButton } from "@/components/sample-data-button";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/input";
import { EmptyState, ErrorState, ListSkeleton, Skeleton } from "@/components/ui/states";
import { deliveryFilterKeys, useDeliveries, useDeliveriesOverview, type DeliveryFilters } from "@/lib/api/hooks/deliveries";
import type { DeliverySummary } from "@/lib/api/schemas/deliveries";
import { formatDateTime, formatRelative } from "@/lib/format";
import { FiltersBar, noFilters } from "./filters";
import { HourlyChart } from "./hourly-chart";
import { eventLabels, formatLatency, SignatureMark, StatusBadge } from "./labels";
import { useReplayMany } from "./use-replay-many";
import { Warnings } from "./warnings";

/** New deliveries appear without a reload. */
const REFRESH_MS = 5_000;

const isDate = (s: string | null) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : "");

export function DeliveriesView() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters: DeliveryFilters = {
    event: params.get("event") ?? "",
    status: params.get("status") ?? "",
    signed: params.get("signed") ?? "",
    from: isDate(params.get("from")),
    to: isDate(params.get("to")),
  };
  const filtered = deliveryFilterKeys.some((k) => filters[k] !== "");

  function setFilters(next: DeliveryFilters) {
    const q = new URLSearchParams();
    for (const k of deliveryFilterKeys) if (next[k]) q.set(k, next[k]);
    const s = q.toString();
    router.replace(s ? `${pathname}?${s}` : pathname, { scroll: false });
  }

  const overview = useDeliveriesOverview({ hours: 24, refetchInterval: REFRESH_MS * 2 });
  const list = useDeliveries(filters, { refetchInterval: REFRESH_MS });

  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const replayable = items.filter((d) => d.replayable);
  const chosen = replayable.filter((d) => selected.has(d.id)).map((d) => d.id);
  const replay = useReplayMany();

  function toggle(id: string, on: boolean) {
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  return (
    <div className="space-y-5">
      {overview.isPending ? (
        <div role="status" aria-label="Loading the chart">
          <Skeleton className="h-32 w-full rounded-xl" />
        </div>
      ) : overview.isError ? (
        <ErrorState title="Could not load the chart" message={overview.error.message} onRetry={() => overview.refetch()} />
      ) : (
        <>
          {overview.data.operator ? (
            <p className="flex items-center gap-2 rounded-lg border border-violet-200 bg-violet-50 px-3 py-2 text-sm text-violet-900 dark:border-violet-900 dark:bg-violet-950/40 dark:text-violet-100">
              <ShieldQuestion className="size-4 shrink-0" aria-hidden />
              Operator view: you also see deliveries for uids nobody has linked, as metadata only.
            </p>
          ) : null}
          {overview.data.refusals && overview.data.refusals.total > 0 ? (
            <p className="rounded-lg border border-zinc-200 bg-white px-3 py-2 text-sm text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300">
              <span className="font-medium tabular-nums">{overview.data.refusals.total.toLocaleString()}</span> requests without a valid
              token or signature were refused in the last 24 hours, unread and unlogged (counted per address:{" "}
              {overview.data.refusals.addresses.map((a) => `${a.address} ${a.count.toLocaleString()}`).join(", ")}).
            </p>
          ) : null}
          <HourlyChart hours={overview.data.hours} />
          <Warnings warnings={overview.data.warnings} />
        </>
      )}

      <FiltersBar value={filters} onChange={setFilters} />

      {replayable.length > 0 || replay.progress.total > 0 ? (
        <div className="flex flex-wrap items-center gap-3 rounded-lg border border-zinc-200 bg-white px-3 py-2 dark:border-zinc-800 dark:bg-zinc-900">
          <label className="inline-flex items-center gap-2 text-sm">
            <Checkbox
              checked={chosen.length > 0 && chosen.length === replayable.length}
              ref={(el) => {
                if (el) el.indeterminate = chosen.length > 0 && chosen.length < replayable.length;
              }}
              onChange={(e) => setSelected(e.target.checked ? new Set(replayable.map((d) => d.id)) : new Set())}
              disabled={replay.progress.running}
            />
            Select all replayable shown
          </label>
          <Button
            size="sm"
            variant="secondary"
            disabled={chosen.length === 0 || replay.progress.running}
            onClick={() => replay.run(chosen).then(() => setSelected(new Set()))}
          >
            <RotateCcw className="size-4" aria-hidden />
            Replay selected{chosen.length ? ` (${chosen.length})` : ""}
          </Button>
          {replay.progress.running ? (
            <Button size="sm" variant="ghost" onClick={replay.cancel}>
              Stop
            </Button>
          ) : null}
          {replay.progress.total > 0 ? (
            <div className="flex min-w-48 flex-1 items-center gap-2">
              <progress
                className="h-2 flex-1 overflow-hidden rounded-full [&::-moz-progress-bar]:bg-accent-600 [&::-webkit-progress-bar]:bg-zinc-200 [&::-webkit-progress-value]:bg-accent-600 dark:[&::-webkit-progress-bar]:bg-zinc-800"
                max={replay.progress.total}
                value={replay.progress.done}
                aria-label="Replay progress"
              />
            </div>
          ) : null}
          <p role="status" aria-live="polite" className="tabular w-full text-sm text-zinc-600 dark:text-zinc-400 empty:hidden">
            {replay.progress.total > 0
              ? `${replay.progress.running ? "Replaying" : "Replayed"} ${replay.progress.done} of ${replay.progress.total}: ${replay.progress.ok} answered 2xx, ${replay.progress.failed} did not.${
                  replay.progress.errors[0] ? ` ${replay.progress.errors[0]}` : ""
                }`
              : ""}
          </p>
        </div>
      ) : null}

      <section aria-labelledby="deliveries-list-title">
        <h2 id="deliveries-list-title" className="sr-only">
          Requests, newest first
        </h2>
        {list.isPending ? (
          <ListSkeleton rows={6} label="Loading deliveries" />
        ) : list.isError ? (
          <ErrorState title="Could not load deliveries" message={list.error.message} onRetry={() => list.refetch()} />
        ) : items.length === 0 ? (
          filtered ? (
            <EmptyState icon={<Inbox className="size-8" />} title="No deliveries match these filters">
              <p>Try another event or status, widen the dates, or clear the filters.</p>
              <Button className="mt-4" variant="secondary" onClick={() => setFilters(noFilters)}>
                Clear filters
              </Button>
            </EmptyState>
          ) : (
            <EmptyState icon={<Inbox className="size-8" />} title="No deliveries yet">
              <p>
                Every request Omi sends to your webhook URLs appears here, refused ones included, with its body and our answer. Paste the
                URLs from{" "}
                <Link href="/settings" className="font-medium text-accent-700 underline underline-offset-2 dark:text-accent-300">
                  Settings
                </Link>{" "}
                into Omi, or send sample data to see how it looks.
              </p>
              <div className="mt-4 flex justify-center">
                <SampleDataButton showLinks={false} centered />
              </div>
            </EmptyState>
          )
        ) : (
          <>
            <ul
              aria-label="Deliveries"
              className="divide-y divide-zinc-200 overflow-hidden rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900"
            >
              {items.map((d) => (
                <DeliveryRow
                  key={d.id}
                  d={d}
                  checked={selected.has(d.id)}
                  onCheck={(on) => toggle(d.id, on)}
                  disabled={replay.progress.running}
                />
              ))}
            </ul>
            <div className="mt-3 flex items-center justify-between gap-3 text-sm text-zinc-600 dark:text-zinc-400">
              <span className="tabular">
                {items.length} shown{list.isFetching && !list.isFetchingNextPage ? " · updating…" : ""}
              </span>
              {list.hasNextPage ? (
                <Button variant="secondary" size="sm" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
                  {list.isFetchingNextPage ? "Loading…" : "Load older"}
                </Button>
              ) : null}
            </div>
          </>
        )}
      </section>
    </div>
  );
}

function DeliveryRow({
  d,
  checked,
  onCheck,
  disabled,
}: {
  d: DeliverySummary;
  checked: boolean;
  onCheck: (on: boolean) => void;
  disabled: boolean;
}) {
  const when = formatDateTime(d.receivedAt);
  return (
    <li className="flex items-start gap-3 px-3 py-3 hover:bg-zinc-50 sm:px-4 dark:hover:bg-zinc-800/50">
      <Checkbox
        className="mt-1 disabled:opacity-30"
        aria-label={`Select ${eventLabels[d.event]} delivery of ${when} for replay`}
        checked={checked}
        disabled={!d.replayable || disabled}
        title={d.replayable ? undefined : "This delivery can't be replayed (open it to see why)"}
        onChange={(e) => onCheck(e.target.checked)}
      />
      <Link
        href={`/deliveries/${d.id}`}
        className="group min-w-0 flex-1 rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500"
        aria-label={`${eventLabels[d.event]}, ${d.status} ${d.outcome}, ${when}`}
      >
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <StatusBadge status={d.status} outcome={d.outcome} />
          <span className="font-medium group-hover:underline">{eventLabels[d.event]}</span>
          {d.replayOf ? (
            <span className="rounded bg-zinc-100 px-1.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">replay</span>
          ) : null}
          {d.access === "operator" ? (
            <span className="rounded bg-violet-100 px-1.5 text-xs text-violet-800 dark:bg-violet-950 dark:text-violet-200">
              {d.auth === "none" ? "unauthenticated" : "unlinked uid"}
            </span>
          ) : null}
          <span className="ml-auto text-xs text-zinc-500 dark:text-zinc-400" title={when}>
            <time dateTime={d.receivedAt}>{formatRelative(d.receivedAt)}</time>
          </span>
        </div>
        <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
          <span className="max-w-[16rem] truncate font-mono" title={d.uid ?? undefined}>
            {d.uid ? `uid ${d.uid}` : "no uid"}
          </span>
          <SignatureMark signature={d.signature} />
          <span className="tabular">{formatLatency(d.latencyMs)}</span>
        </div>
        {d.errorMessage ? <p className="mt-1 line-clamp-2 text-sm text-red-700 dark:text-red-300">{d.errorMessage}</p> : null}
      </Link>
    </li>
  );
}
