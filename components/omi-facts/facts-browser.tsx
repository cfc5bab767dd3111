"use client";

/** Omi's facts about the person: searchable, filterable by Omi's category, newest first, read-only. */
import { BrainCircuit, SearchX } from "lucide-react";
import Link from "next/link";
import { useEffect, useId, useState } from "react";
import { EmptyState, ErrorState, ListSkeleton } from "@/components/ui/states";
import { LoadMore } from "@/components/ui/load-more";
import { RelativeTime } from "@/components/memories/relative-time";
import { Input, Select } from "@/components/ui/input";
import { useFacts } from "@/lib/api/hooks/omi-sync";

export function FactsBrowser() {
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  const [category, setCategory] = useState("");
  const ids = { search: useId(), category: useId() };
  useEffect(() => {
    const t = setTimeout(() => setQ(text.trim()), 300);
    return () => clearTimeout(t);
  }, [text]);

  const query = useFacts(q, category);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const categories = query.data?.pages[0]?.categories ?? [];
  const filtered = Boolean(q || category);

  return (
    <div className="space-y-4">
      <form role="search" className="flex flex-col gap-2 sm:flex-row" onSubmit={(e) => e.preventDefault()}>
        <div className="flex-1">
          <label htmlFor={ids.search} className="sr-only">
            Search facts
          </label>
          <Input
            id={ids.search}
            type="search"
            placeholder="Search what Omi learned…"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div>
          <label htmlFor={ids.category} className="sr-only">
            Category
          </label>
          <Select id={ids.category} value={category} onChange={(e) => setCategory(e.target.value)} className="sm:w-44">
            <option value="">All categories</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </div>
      </form>

      {query.isPending ? (
        <ListSkeleton rows={5} label="Loading facts" />
      ) : query.isError && items.length === 0 ? (
        <ErrorState title="Could not load the facts" message={query.error.message} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        filtered ? (
          <EmptyState icon={<SearchX className="size-8" />} title="No fact matches">
            Try other words, or all categories.
          </EmptyState>
        ) : (
          <EmptyState icon={<BrainCircuit className="size-8" />} title="No facts from Omi yet">
            Omi learns facts about you from your conversations (it calls them memories). To see them here, connect an Omi Developer API key
            under{" "}
            <Link href="/settings#omi-import-title" className="font-medium text-accent-700 underline dark:text-accent-300">
              Settings → Import from Omi
            </Link>
            .
          </EmptyState>
        )
      ) : (
        <>
          <ul
            aria-label="Facts Omi learned about you"
            className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900"
          >
            {items.map((fact) => (
              <li key={fact.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
                <p className={`text-sm ${fact.present ? "" : "text-zinc-500 line-through"}`}>{fact.content}</p>
                <p className="flex shrink-0 flex-wrap items-center gap-2 text-xs text-zinc-500">
                  {fact.category ? <span className="rounded-full bg-zinc-100 px-2 py-0.5 dark:bg-zinc-800">{fact.category}</span> : null}
                  {fact.manuallyAdded ? <span>added by you</span> : null}
                  {!fact.present ? <span>no longer in Omi</span> : null}
                  {fact.createdAt ? <RelativeTime iso={fact.createdAt} /> : null}
                </p>
              </li>
            ))}
          </ul>
          <LoadMore query={query} />
        </>
      )}
    </div>
  );
}
