/**
 * Personal API tokens in the browser: the list and creating one, shared by Settings'
 * "API tokens" and "AI assistants" cards (a token made in one shows in the other).
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/client";
import { okSchema } from "@/lib/api/schemas/links";
import { apiTokenListSchema, createdApiTokenSchema, type CreateApiTokenBody } from "@/lib/api/schemas/tokens";

export const apiTokensKey = ["api-tokens"] as const;

export function useApiTokens() {
  return useQuery({ queryKey: apiTokensKey, queryFn: () => fetchJson("/api/v1/tokens", apiTokenListSchema) });
}

export function useCreateApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiTokenBody) =>
      fetchJson("/api/v1/tokens", createdApiTokenSchema, { method: "POST", body: JSON.stringify(body) }),
    onSuccess: () => client.invalidateQueries({ queryKey: apiTokensKey }),
  });
}

export function useRevokeApiToken(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => fetchJson(`/api/v1/tokens/${encodeURIComponent(id)}`, okSchema, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: apiTokensKey }),
  });
}

/** Expiry choices offered in Settings, in days (null: never). */
export const expiryChoices: { label: string; days: number | null }[] = [
  { label: "Never", days: null },
  { label: "30 days", days: 30 },
  { label: "90 days", days: 90 },
  { label: "1 year", days: 365 },
];
