"use client";

import { Button } from "./button";
import { ErrorState } from "./states";

/** The part of a React Query infinite query the footer of a list reads. */
type Pages = {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: Error | null;
  fetchNextPage: () => Promise<unknown>;
};

/**
 * The end of a paged list: "Load more" while there is more, a quiet "That's
 * everything." when there is not, and, when a next page failed, what went wrong with
 * a retry (the pages already shown stay).
 */
export function LoadMore({ query }: { query: Pages }) {
  return (
    <>
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
  );
}
