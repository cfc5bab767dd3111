"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Inbox, Search, SearchX } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useId, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState, ListSkeleton } from "@/components/ui/states";
import { fetchJson } from "@/lib/api/client";
import { memoryListSchema } from "@/lib/api/schemas/memories";
import { memoryCategories } from "./category-chip";
import { MemoryRow } from "./memory-row";
import { SampleDataButton } from "@/components/sample-data-button";

/** New memories show up without a reload: the list re-asks every few seconds while visible. */
const REFRESH_MS = 5_000;
const SEARCH_DEBOUNCE_MS = 300;

type Filters = { q: string; category: string; from: string; to: string; discarded: boolean };

function filtersFrom(params: URLSearchParams): Filters {
  return {
    q: params.get("q") ?? "",
    category: params.get("category") ?? "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    discarded: params.get("discarded") === "true",
  };
}

/** Date inputs are local days: send the viewer's local midnight as an instant. */
function apiQuery(f: Filters, cursor: string | null): string {
  const p = new URLSearchParams({ limit: "20" });
  if (f.q.trim()) p.set("q", f.q.trim());
  if (f.category) p.set("category", f.category);
  if (f.from) p.set("from", new Date(`${f.from}T00:00:00`).toISOString());
  if (f.to) {
    const end = new Date(`${f.to}T00:00:00`);
    end.setDate(end.getDate() + 1);
    p.set("to", end.toISOString());
  }
  if (f.discarded) p.set("discarded", "true");
  if (cursor) p.set("cursor", cursor);
  return p.toString();
}

const fieldClass =
  "h-10 rounded-lg border border-zinc-300 bg-white px-3 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";

export function MemoryBrowser() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const filters = useMemo(() => filtersFrom(new URLSearchParams(params.toString())), [params]);
  const [searchText, setSearchText] = useState(filters.q);
  const ids = { search: useId(), category: useId(), from: useId(), to: useId(), discarded: useId() };

  function update(change: Partial<Filters>) {
    const next = { ...filters, ...change };
    const p = new URLSearchParams();
    if (next.q.trim()) p.set("q", next.q.trim());
    if (next.category) p.set("category", next.category);
    if (next.from) p.set("from", next.from);
    if (next.to) p.set("to", next.to);
    if (next.discarded) p.set("discarded", "true");
    const qs = p.toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  }

  // Debounced, URL-synced search box.
  useEffect(() => {
    if (searchText.trim() === filters.q.trim()) return;
    const t = setTimeout(() => update({ q: searchText }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [searchText]);

  const query = useInfiniteQuery({
    queryKey: ["memories", filters],
    queryFn: ({ pageParam }) => fetchJson(`/api/v1/memories?${apiQuery(filters, pageParam)}`, memoryListSchema),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: REFRESH_MS,
  });

  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const showUid = new Set(items.map((m) => m.uid)).size > 1;
  const filtering = Boolean(filters.q || filters.category || filters.from || filters.to || filters.discarded);

  return (
    <div className="space-y-4">
      <form
        role="search"
        aria-label="Search and filter memories"
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: searchText });
        }}
      >
        <div className="relative">
          <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-400" aria-hidden />
          <label htmlFor={ids.search} className="sr-only">
            Search memories
          </label>
          <input
            id={ids.search}
            type="search"
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            placeholder="Search titles, overviews and transcripts…"
            className={`${fieldClass} w-full pl-9`}
            autoComplete="off"
          />
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor={ids.category} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
              Category
            </label>
            <select id={ids.category} value={filters.category} onChange={(e) => update({ category: e.target.value })} className={`${fieldClass} capitalize`}>
              <option value="">All categories</option>
              {memoryCategories.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={ids.from} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
              From
            </label>
            <input id={ids.from} type="date" value={filters.from} max={filters.to || undefined} onChange={(e) => update({ from: e.target.value })} className={`${fieldClass} tabular`} />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={ids.to} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
              To
            </label>
            <input id={ids.to} type="date" value={filters.to} min={filters.from || undefined} onChange={(e) => update({ to: e.target.value })} className={`${fieldClass} tabular`} />
          </div>
          <label htmlFor={ids.discarded} className="flex h-10 items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
            <input
              id={ids.discarded}
              type="checkbox"
              checked={filters.discarded}
              onChange={(e) => update({ discarded: e.target.checked })}
              className="size-4 rounded border-zinc-300 accent-accent-600"
            />
            Show discarded
          </label>
          {filtering ? (
            <Button
              variant="ghost"
              size="sm"
              className="mb-1"
              onClick={() => {
                setSearchText("");
                router.replace(pathname, { scroll: false });
              }}
            >
              Clear filters
            </Button>
          ) : null}
        </div>
      </form>

      <div aria-live="polite" className="sr-only">
        {query.isSuccess ? `${items.length}${query.hasNextPage ? "+" : ""} memories shown` : ""}
      </div>

      {query.isPending ? (
        <ListSkeleton rows={6} label="Loading memories" />
      ) : query.isError && items.length === 0 ? (
        <ErrorState title="Could not load memories" message={query.error.message} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        filtering ? (
          <EmptyState icon={<SearchX className="size-8" />} title="No memories match">
            {filters.q ? <>Nothing found for “{filters.q}”. </> : null}Try other words or clear the filters.
          </EmptyState>
        ) : (
          <NoMemoriesYet />
        )
      ) : (
        <>
          <ul className="space-y-3" aria-label="Memories">
            {items.map((m) => (
              <MemoryRow key={m.id} memory={m} showUid={showUid} />
            ))}
          </ul>
          {query.hasNextPage ? (
            <div className="flex justify-center pt-2">
              <Button variant="secondary" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
                {query.isFetchingNextPage ? "Loading…" : "Load more"}
              </Button>
            </div>
          ) : (
            <p className="pt-2 text-center text-xs text-zinc-500">That’s everything.</p>
          )}
          {query.isFetchNextPageError ? (
            <ErrorState title="Could not load more" message={query.error?.message} onRetry={() => void query.fetchNextPage()} />
          ) : null}
        </>
      )}
    </div>
  );
}

function NoMemoriesYet() {
  return (
    <EmptyState icon={<Inbox className="size-8" />} title="No memories yet">
      <p>
        Every conversation Omi finishes lands here, with its summary, transcript and action items. Connect Omi once and they
        arrive by themselves.
      </p>
      <ol className="mx-auto mt-4 max-w-md list-decimal space-y-1 pl-5 text-left">
        <li>
          Open{" "}
          <Link href="/settings" className="font-medium text-accent-700 underline underline-offset-2 dark:text-accent-300">
            Settings
          </Link>{" "}
          and copy your “Memory created” webhook URL.
        </li>
        <li>In the Omi app: Settings → Developer Settings → Webhooks, paste it into “Conversation created”.</li>
        <li>Talk with Omi on; the memory appears here when the conversation ends.</li>
      </ol>
      <p className="mt-4">
        Step-by-step help:{" "}
        <Link href="/setup" className="font-medium text-accent-700 underline underline-offset-2 dark:text-accent-300">
          connecting Omi
        </Link>
        .
      </p>
      <div id="sample-data-slot" className="mt-4 flex justify-center">
        <SampleDataButton centered />
      </div>
    </EmptyState>
  );
}
