/** Memories, action items and the account's data (export, delete) in the browser. */
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiPath, fetchJson, sendJson } from "@/lib/api/client";
import { actionItemListSchema, actionItemSchema, deleteDataResultSchema, memoryListSchema } from "@/lib/api/schemas/memories";

/** The memory list's filters as the page keeps them (in its URL): dates are the viewer's local days. */
export type MemoryFilters = { q: string; category: string; from: string; to: string; discarded: boolean };
export type ActionItemStatus = "open" | "completed";

export const memoryKeys = {
  all: ["memories"] as const,
  list: (filters: MemoryFilters) => [...memoryKeys.all, "list", filters] as const,
};

export const actionItemKeys = {
  all: ["action-items"] as const,
  list: (status: ActionItemStatus) => [...actionItemKeys.all, "list", status] as const,
};

/** The API takes instants: a local day starts at the viewer's midnight, and `to` includes its whole day. */
function memoriesPath(f: MemoryFilters, cursor: string | null): string {
  const nextDay = (day: string) => {
    const d = new Date(`${day}T00:00:00`);
    d.setDate(d.getDate() + 1);
    return d.toISOString();
  };
  return apiPath("/api/v1/memories", {
    limit: 20,
    q: f.q.trim(),
    category: f.category,
    from: f.from && new Date(`${f.from}T00:00:00`).toISOString(),
    to: f.to && nextDay(f.to),
    discarded: f.discarded ? "true" : null,
    cursor,
  });
}

export function useMemories(filters: MemoryFilters, { refetchInterval }: { refetchInterval?: number } = {}) {
  return useInfiniteQuery({
    queryKey: memoryKeys.list(filters),
    queryFn: ({ pageParam }) => fetchJson(memoriesPath(filters, pageParam), memoryListSchema),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval,
  });
}

export function useActionItems(status: ActionItemStatus, { refetchInterval }: { refetchInterval?: number } = {}) {
  return useInfiniteQuery({
    queryKey: actionItemKeys.list(status),
    queryFn: ({ pageParam }) => fetchJson(apiPath("/api/v1/action-items", { status, limit: 50, cursor: pageParam }), actionItemListSchema),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval,
  });
}

/** Ticks or unticks an action item; every action-item list re-reads afterwards. */
export function useSetActionItemCompleted(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (completed: boolean) =>
      sendJson("PATCH", `/api/v1/action-items/${encodeURIComponent(id)}`, actionItemSchema, { completed }),
    onSuccess: () => client.invalidateQueries({ queryKey: actionItemKeys.all }),
  });
}

/** "Delete my data": every cached list is stale afterwards. */
export function useDeleteMyData() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => sendJson("DELETE", "/api/v1/data", deleteDataResultSchema, { confirm: "DELETE" }),
    onSuccess: () => client.invalidateQueries(),
  });
}

/** Where the export ZIP is served; also a plain download link for large accounts. */
export const exportUrl = "/api/v1/data";

export type ExportProgress = { received: number; total: number; exact: boolean; counts: string };

/**
 * Downloads the export with fetch so the page can show progress: against the archive's
 * exact size when the server knows it up front (X-Export-Bytes; Next.js drops
 * Content-Length from route handlers), else against its estimate.
 */
export async function downloadExport(onProgress: (p: ExportProgress) => void): Promise<{ blob: Blob; name: string; bytes: number }> {
  const res = await fetch(exportUrl, { headers: { accept: "application/zip" } });
  if (!res.ok || !res.body) throw new Error(`The server answered ${res.status}`);
  const h = res.headers;
  const length = Number(h.get("x-export-bytes") ?? h.get("content-length") ?? 0);
  const total = length || Number(h.get("x-export-estimated-bytes") ?? 0);
  const counts = `${h.get("x-export-memories") ?? 0} memories, ${h.get("x-export-day-summaries") ?? 0} day summaries, ${h.get("x-export-recordings") ?? 0} recordings`;
  const name = /filename="([^"]+)"/.exec(h.get("content-disposition") ?? "")?.[1] ?? "omi-hub-export.zip";
  const reader = res.body.getReader();
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  onProgress({ received, total, exact: length > 0, counts });
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    parts.push(value);
    received += value.length;
    onProgress({ received, total, exact: length > 0, counts });
  }
  return { blob: new Blob(parts, { type: "application/zip" }), name, bytes: received };
}
