/** The delivery log in the browser: chart, filtered list, one delivery, replay; and sample data. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, apiPath, fetchJson, sendJson } from "@/lib/api/client";
import {
  deliveriesOverviewSchema,
  deliveryDetailSchema,
  deliveryListSchema,
  replayResultSchema,
  sampleDataResultSchema,
  type samplePartNames,
} from "@/lib/api/schemas/deliveries";

/** The list's filters as the page keeps them (in its URL): dates are the viewer's local days. */
export type DeliveryFilters = { event: string; status: string; signed: string; from: string; to: string };
export const deliveryFilterKeys = ["event", "status", "signed", "from", "to"] as const;

export const deliveryKeys = {
  all: ["deliveries"] as const,
  overview: (hours: number) => [...deliveryKeys.all, "overview", hours] as const,
  list: (filters: DeliveryFilters) => [...deliveryKeys.all, "list", filters] as const,
  detail: (id: string) => [...deliveryKeys.all, "detail", id] as const,
};

const PAGE_SIZE = 50;
const deliveryPath = (id: string) => `/api/v1/deliveries/${encodeURIComponent(id)}`;

/** The API takes instants: a local day runs from the viewer's midnight to the last millisecond before the next. */
function deliveriesPath(f: DeliveryFilters, cursor: string | undefined): string {
  return apiPath("/api/v1/deliveries", {
    event: f.event,
    status: f.status,
    signed: f.signed,
    from: f.from && new Date(`${f.from}T00:00:00`).toISOString(),
    to: f.to && new Date(`${f.to}T23:59:59.999`).toISOString(),
    limit: PAGE_SIZE,
    cursor,
  });
}

export function useDeliveriesOverview({ hours = 24, refetchInterval }: { hours?: number; refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: deliveryKeys.overview(hours),
    queryFn: () => fetchJson(apiPath("/api/v1/deliveries/summary", { hours }), deliveriesOverviewSchema),
    refetchInterval,
  });
}

export function useDeliveries(filters: DeliveryFilters, { refetchInterval }: { refetchInterval?: number } = {}) {
  return useInfiniteQuery({
    queryKey: deliveryKeys.list(filters),
    queryFn: ({ pageParam }) => fetchJson(deliveriesPath(filters, pageParam), deliveryListSchema),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval,
  });
}

/** One delivery; a 404 (pruned, or another account's) is final, not retried. */
export function useDelivery(id: string) {
  return useQuery({
    queryKey: deliveryKeys.detail(id),
    queryFn: () => fetchJson(deliveryPath(id), deliveryDetailSchema),
    retry: (count, err) => !(err instanceof ApiError && err.status === 404) && count < 1,
  });
}

/** Runs a stored delivery through ingest again; answers the new delivery it made. */
export const replayDelivery = (id: string) => sendJson("POST", `${deliveryPath(id)}/replay`, replayResultSchema);

export function useReplayDelivery(id: string) {
  const client = useQueryClient();
  return useMutation({ mutationFn: () => replayDelivery(id), onSettled: () => client.invalidateQueries({ queryKey: deliveryKeys.all }) });
}

/** Sends one part of the sample data through the account's own webhook URLs. */
export const sendSamplePart = (part: (typeof samplePartNames)[number]) =>
  sendJson("POST", "/api/v1/sample-data", sampleDataResultSchema, { part });
