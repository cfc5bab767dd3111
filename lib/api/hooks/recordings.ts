/** Recordings in the browser: the list, one recording's waveform and transcript, delete, retention. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiPath, fetchJson, sendJson } from "@/lib/api/client";
import {
  audioRetentionSchema,
  deletedSchema,
  recordingDetailSchema,
  recordingListSchema,
  type RecordingSummary,
} from "@/lib/api/schemas/recordings";

export const recordingKeys = {
  all: ["recordings"] as const,
  list: () => [...recordingKeys.all, "list"] as const,
  /** The byte length is part of the key: a recording that grew is read again. */
  detail: (id: string, byteLength: number) => [...recordingKeys.all, "detail", id, byteLength] as const,
};

const recordingPath = (id: string) => `/api/v1/recordings/${encodeURIComponent(id)}`;

/** The WAV of a recording (Range requests work); `download` asks for an attachment. */
export const recordingAudioUrl = (id: string) => `${recordingPath(id)}/audio`;

export function useRecordings({ refetchInterval }: { refetchInterval?: number } = {}) {
  return useInfiniteQuery({
    queryKey: recordingKeys.list(),
    queryFn: ({ pageParam }) => fetchJson(apiPath("/api/v1/recordings", { limit: 50, cursor: pageParam }), recordingListSchema),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval,
  });
}

export function useRecording(summary: RecordingSummary) {
  return useQuery({
    queryKey: recordingKeys.detail(summary.id, summary.byteLength),
    queryFn: () => fetchJson(recordingPath(summary.id), recordingDetailSchema),
    placeholderData: (previous) => previous,
  });
}

/** `onDeleted` runs before the list is read again (which unmounts the deleted recording's view). */
export function useDeleteRecording(id: string, { onDeleted }: { onDeleted?: () => void } = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => sendJson("DELETE", recordingPath(id), deletedSchema),
    onSuccess: () => {
      onDeleted?.();
      return client.invalidateQueries({ queryKey: recordingKeys.all });
    },
  });
}

/** Days to keep audio; null keeps it forever. */
export function useSaveAudioRetention() {
  return useMutation({
    mutationFn: (days: number | null) => sendJson("PATCH", "/api/v1/recordings/retention", audioRetentionSchema, { days }),
  });
}
