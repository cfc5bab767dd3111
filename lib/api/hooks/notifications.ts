/** The /notifications page's data: rules, the log, quiet hours, and sending one by hand. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiPath, fetchJson, sendJson } from "@/lib/api/client";
import { okSchema } from "@/lib/api/schemas/links";
import {
  notificationListSchema,
  notificationSettingsSchema,
  ruleListSchema,
  ruleSchema,
  ruleTestAnswer,
  sendAnswer,
  type RuleInput,
  type RuleView,
  type SendBody,
} from "@/lib/api/schemas/notifications";

export const notificationKeys = {
  all: ["notifications"] as const,
  rules: () => [...notificationKeys.all, "rules"] as const,
  log: () => [...notificationKeys.all, "log"] as const,
  settings: () => [...notificationKeys.all, "settings"] as const,
};

const rulePath = (id: string) => `/api/v1/notification-rules/${encodeURIComponent(id)}`;

export function useRules() {
  return useQuery({ queryKey: notificationKeys.rules(), queryFn: () => fetchJson("/api/v1/notification-rules", ruleListSchema) });
}

/** Creates a rule, or replaces `rule` when given. */
export function useSaveRule(rule?: RuleView) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RuleInput) =>
      rule ? sendJson("PATCH", rulePath(rule.id), ruleSchema, body) : sendJson("POST", "/api/v1/notification-rules", ruleSchema, body),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.rules() }),
  });
}

export function useToggleRule(rule: RuleView) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => sendJson("PATCH", rulePath(rule.id), ruleSchema, { enabled: !rule.enabled }),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.rules() }),
  });
}

export function useDeleteRule(rule: RuleView) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => sendJson("DELETE", rulePath(rule.id), okSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.rules() }),
  });
}

/** What a rule would send for sample data, without sending. */
export function useTestRule() {
  return useMutation({
    mutationFn: (body: { rule: RuleInput; sampleText?: string }) =>
      sendJson("POST", "/api/v1/notification-rules/test", ruleTestAnswer, body),
  });
}

export function useNotificationLog({ refetchInterval }: { refetchInterval?: number } = {}) {
  return useInfiniteQuery({
    queryKey: notificationKeys.log(),
    queryFn: ({ pageParam }) => fetchJson(apiPath("/api/v1/notifications", { limit: 20, cursor: pageParam }), notificationListSchema),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval,
  });
}

export function useNotificationSettings() {
  return useQuery({
    queryKey: notificationKeys.settings(),
    queryFn: () => fetchJson("/api/v1/notification-settings", notificationSettingsSchema),
  });
}

export function useSaveQuietHours() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { quietHoursStart: string | null; quietHoursEnd: string | null }) =>
      sendJson("PATCH", "/api/v1/notification-settings", notificationSettingsSchema, body),
    onSuccess: (settings) => client.setQueryData(notificationKeys.settings(), settings),
  });
}

/** POST /api/notifications/send with the session; the log shows what became of it. */
export function useSendNotification() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SendBody) => sendJson("POST", "/api/notifications/send", sendAnswer, body),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.log() }),
  });
}
