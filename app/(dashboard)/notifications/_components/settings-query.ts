"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/client";
import { notificationSettingsSchema } from "@/lib/api/schemas/notifications";

export const settingsKey = ["notifications", "settings"] as const;

export function useNotificationSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: () => fetchJson("/api/v1/notification-settings", notificationSettingsSchema) });
}
