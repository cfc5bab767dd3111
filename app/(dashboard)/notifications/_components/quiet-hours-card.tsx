"use client";

/** Quiet hours: nothing is pushed between start and end in the account's time zone (held, then sent). */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorState, Skeleton } from "@/components/ui/states";
import { fetchJson } from "@/lib/api/client";
import { notificationSettingsSchema, type NotificationSettings } from "@/lib/api/schemas/notifications";
import { settingsKey, useNotificationSettings } from "./settings-query";
import { FieldError, hintClass, inputClass, labelClass, sectionText, sectionTitle } from "./ui";

export function QuietHoursCard() {
  const settings = useNotificationSettings();
  return (
    <Card aria-labelledby="quiet-title">
      <h2 id="quiet-title" className={sectionTitle}>
        Quiet hours
      </h2>
      <p className={sectionText}>Notifications due in this window wait until it ends. Omi&rsquo;s own limits always apply: one every 30 s, nine an hour.</p>
      {settings.isPending ? (
        <div role="status" aria-label="Loading" className="mt-4">
          <Skeleton className="h-10" />
        </div>
      ) : settings.isError ? (
        <div className="mt-4">
          <ErrorState message={settings.error.message} onRetry={() => settings.refetch()} />
        </div>
      ) : (
        <QuietHoursForm key={`${settings.data.quietHoursStart}-${settings.data.quietHoursEnd}`} settings={settings.data} />
      )}
    </Card>
  );
}

function QuietHoursForm({ settings }: { settings: NotificationSettings }) {
  const client = useQueryClient();
  const [start, setStart] = useState(settings.quietHoursStart ?? "");
  const [end, setEnd] = useState(settings.quietHoursEnd ?? "");
  const save = useMutation({
    mutationFn: (body: { quietHoursStart: string | null; quietHoursEnd: string | null }) =>
      fetchJson("/api/v1/notification-settings", notificationSettingsSchema, { method: "PATCH", body: JSON.stringify(body) }),
    onSuccess: (data) => client.setQueryData(settingsKey, data),
  });
  const on = Boolean(settings.quietHoursStart && settings.quietHoursEnd);
  return (
    <form
      className="mt-4 space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ quietHoursStart: start || null, quietHoursEnd: end || null });
      }}
    >
      <div className="grid grid-cols-2 gap-3">
        <div>
          <label htmlFor="quiet-start" className={labelClass}>
            From
          </label>
          <input id="quiet-start" type="time" className={`${inputClass} tabular mt-1`} value={start} onChange={(e) => setStart(e.target.value)} />
        </div>
        <div>
          <label htmlFor="quiet-end" className={labelClass}>
            Until
          </label>
          <input id="quiet-end" type="time" className={`${inputClass} tabular mt-1`} value={end} onChange={(e) => setEnd(e.target.value)} />
        </div>
      </div>
      <p className={hintClass}>
        In your time zone, {settings.timeZone} (change it in Settings). {on ? `Now: ${settings.quietHoursStart}–${settings.quietHoursEnd}.` : "Now: off."}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="secondary" disabled={save.isPending}>
          Save quiet hours
        </Button>
        {on ? (
          <Button
            variant="ghost"
            disabled={save.isPending}
            onClick={() => {
              setStart("");
              setEnd("");
              save.mutate({ quietHoursStart: null, quietHoursEnd: null });
            }}
          >
            Turn off
          </Button>
        ) : null}
      </div>
      {save.isSuccess ? (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-300">
          Saved.
        </p>
      ) : null}
      <FieldError id="quiet-error" message={save.isError ? save.error.message : null} />
    </form>
  );
}
