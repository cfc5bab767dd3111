"use client";

import { Inbox, Search, SearchX } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useId, useMemo, useState } from "react";
import { SampleDataButton } from "@/components/sample-data-button";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Checkbox, Input, Label, Select } from "@/components/ui/input";
import { EmptyState, ErrorState, ListSkeleton } from "@/components/ui/states";
import { LoadMore } from "@/components/ui/load-more";
import { useMemories, type MemoryFilters } from "@/lib/api/hooks/memories";
import { memoryCategories } from "./category-chip";
import { MemoryRow } from "./memory-row";

/** New memories show up without a reload: the list re-asks every few seconds while visible. */
const REFRESH_MS = 5_000;
const SEARCH_DEBOUNCE_MS = 300;

function filtersFrom(params: URLSearchParams): MemoryFilters {
  return {
    q: params.get("q") ?? "",
    category: params.get("category") ?? "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    discarded: params.get("discarded") === "true",
  };
}

export function MemoryBrowser() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const filters = useMemo(() => filtersFrom(new URLSearchParams(params.toString())), [params]);
  const [searchText, setSearchText] = useState(filters.q);
  const ids = { search: useId(), discarded: useId() };

  function update(change: Partial<MemoryFilters>) {
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

  const query = useMemories(filters, { refetchInterval: REFRESH_MS });

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
          <Label htmlFor={ids.search} className="sr-only">
            Search memories
          </Label>
          <Input
            id={ids.search}
            type="search"
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            placeholder="Search titles, overviews and transcripts…"
            className="pl-9"
            autoComplete="off"
          />
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <Field label="Category" labelSize="sm">
            {(field) => (
              <Select
                {...field}
                value={filters.category}
                onChange={(e) => update({ category: e.target.value })}
                className="w-auto capitalize"
              >
                <option value="">All categories</option>
                {memoryCategories.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="From" labelSize="sm">
            {(field) => (
              <Input
                {...field}
                type="date"
                value={filters.from}
                max={filters.to || undefined}
                onChange={(e) => update({ from: e.target.value })}
                className="w-auto tabular"
              />
            )}
          </Field>
          <Field label="To" labelSize="sm">
            {(field) => (
              <Input
                {...field}
                type="date"
                value={filters.to}
                min={filters.from || undefined}
                onChange={(e) => update({ to: e.target.value })}
                className="w-auto tabular"
              />
            )}
          </Field>
          <label htmlFor={ids.discarded} className="flex h-10 items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
            <Checkbox id={ids.discarded} checked={filters.discarded} onChange={(e) => update({ discarded: e.target.checked })} />
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
          <LoadMore query={query} />
        </>
      )}
    </div>
  );
}

function NoMemoriesYet() {
  return (
    <EmptyState icon={<Inbox className="size-8" />} title="No memories yet">
      <p>
        Every conversation Omi finishes lands here, with its summary, transcript and action items. Connect Omi once and they arrive by
        themselves.
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
