/**
 * Settings' data in the browser: webhook URLs, API tokens, signing secret, time zone.
 * One place per feature builds the URLs and owns the query keys (lib/api/hooks/*).
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson, sendJson } from "@/lib/api/client";
import { accountSchema, signingSecretStateSchema, webhookUrlsSchema } from "@/lib/api/schemas/account";
import { okSchema } from "@/lib/api/schemas/links";
import { apiTokenListSchema, createdApiTokenSchema, type CreateApiTokenBody } from "@/lib/api/schemas/tokens";

export const accountKeys = {
  all: ["account"] as const,
  webhookUrls: () => [...accountKeys.all, "webhook-urls"] as const,
  apiTokens: () => [...accountKeys.all, "api-tokens"] as const,
};

export function useWebhookUrls() {
  return useQuery({ queryKey: accountKeys.webhookUrls(), queryFn: () => fetchJson("/api/v1/account/webhooks", webhookUrlsSchema) });
}

/** A new personal webhook token: the old URLs stop working at once. */
export function useRegenerateWebhookToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => sendJson("POST", "/api/v1/account/webhook-token", webhookUrlsSchema),
    onSuccess: (urls) => client.setQueryData(accountKeys.webhookUrls(), urls),
  });
}

export function useApiTokens() {
  return useQuery({ queryKey: accountKeys.apiTokens(), queryFn: () => fetchJson("/api/v1/tokens", apiTokenListSchema) });
}

/** Answers the token itself once; the list only ever shows its prefix. */
export function useCreateApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiTokenBody) => sendJson("POST", "/api/v1/tokens", createdApiTokenSchema, body),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.apiTokens() }),
  });
}

export function useRevokeApiToken(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => sendJson("DELETE", `/api/v1/tokens/${encodeURIComponent(id)}`, okSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.apiTokens() }),
  });
}

/** null removes the secret. */
export function useSaveSigningSecret() {
  return useMutation({
    mutationFn: (secret: string | null) => sendJson("PUT", "/api/v1/account/signing-secret", signingSecretStateSchema, { secret }),
  });
}

export function useSaveTimeZone() {
  return useMutation({ mutationFn: (timeZone: string) => sendJson("PATCH", "/api/v1/account", accountSchema, { timeZone }) });
}
