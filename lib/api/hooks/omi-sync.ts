/** Omi's Developer API in the browser: keys per linked uid, import/reconcile jobs, Omi's facts, what reconcile found missing. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiPath, fetchJson, sendJson } from "@/lib/api/client";
import { okSchema } from "@/lib/api/schemas/links";
import {
  factListSchema,
  missedListSchema,
  omiConnectionSchema,
  omiSyncOverviewSchema,
  syncJobSchema,
  type OmiSyncOverview,
  type SyncJob,
} from "@/lib/api/schemas/omi-sync";

export const omiSyncKeys = {
  all: ["omi-sync"] as const,
  overview: () => [...omiSyncKeys.all, "links"] as const,
  facts: (q: string, category: string) => ["facts", q, category] as const,
  missed: (days: number) => ["deliveries", "missed", days] as const,
};

const linkPath = (linkId: string) => `/api/v1/omi-sync/links/${encodeURIComponent(linkId)}`;
const jobPath = (id: string) => `/api/v1/omi-sync/jobs/${encodeURIComponent(id)}`;

/** Every verified link with its key and jobs. Jobs also advance on the server: polled faster while one runs. */
export function useOmiSyncOverview() {
  return useQuery({
    queryKey: omiSyncKeys.overview(),
    queryFn: () => fetchJson("/api/v1/omi-sync/links", omiSyncOverviewSchema),
    refetchInterval: (q) => (q.state.data?.links.some((l) => l.connection?.activeJob) ? 2_000 : 30_000),
  });
}

function useRefreshOverview() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: omiSyncKeys.overview() });
}

export function useConnectKey(linkId: string) {
  const refresh = useRefreshOverview();
  return useMutation({ mutationFn: (key: string) => sendJson("PUT", linkPath(linkId), omiConnectionSchema, { key }), onSuccess: refresh });
}

export function useStartSync(linkId: string) {
  const refresh = useRefreshOverview();
  return useMutation({
    mutationFn: (what: "import" | "reconcile") => sendJson("POST", `${linkPath(linkId)}/${what}`, syncJobSchema),
    onSuccess: refresh,
  });
}

export function useCancelSync() {
  const refresh = useRefreshOverview();
  return useMutation({ mutationFn: (jobId: string) => sendJson("POST", `${jobPath(jobId)}/cancel`, syncJobSchema), onSuccess: refresh });
}

export function useRemoveKey(linkId: string) {
  const refresh = useRefreshOverview();
  return useMutation({ mutationFn: () => sendJson("DELETE", linkPath(linkId), okSchema), onSuccess: refresh });
}

/** Advances a job by one step (what the Settings page does while it is open). */
export const stepSyncJob = (jobId: string) => sendJson("POST", `${jobPath(jobId)}/step`, syncJobSchema);

/** Puts a job's new state into the overview without waiting for the next poll. */
export function withJob(overview: OmiSyncOverview, job: SyncJob): OmiSyncOverview {
  return {
    links: overview.links.map((l) =>
      l.connection?.activeJob?.id === job.id ? { ...l, connection: { ...l.connection, activeJob: job } } : l,
    ),
  };
}

export function useFacts(q: string, category: string) {
  return useInfiniteQuery({
    queryKey: omiSyncKeys.facts(q, category),
    queryFn: ({ pageParam }) => fetchJson(apiPath("/api/v1/facts", { limit: 50, q, category, cursor: pageParam }), factListSchema),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useMissedByWebhooks(days = 30) {
  return useQuery({
    queryKey: omiSyncKeys.missed(days),
    queryFn: () => fetchJson(apiPath("/api/v1/deliveries/missed", { days, limit: 10 }), missedListSchema),
    refetchInterval: 60_000,
  });
}
