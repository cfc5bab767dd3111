"use client";

/** Quiet hours: nothing is pushed between start and end in the account's time zone (held, then sent). */
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { Hint, Input } from "@/components/ui/input";
import { ErrorState, Skeleton } from "@/components/ui/states";
import { useNotificationSettings, useSaveQuietHours } from "@/lib/api/hooks/notifications";
import type { NotificationSettings } from "@/lib/api/schemas/notifications";

export function QuietHoursCard() {
  const settings = useNotificationSettings();
  return (
    <Card aria-labelledby="quiet-title">
      <CardTitle id="quiet-title">Quiet hours</CardTitle>
      <CardDescription>
        Notifications due in this window wait until it ends. Omi&rsquo;s own limits always apply: one every 30 s, nine an hour.
      </CardDescription>
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
  const [start, setStart] = useState(settings.quietHoursStart ?? "");
  const [end, setEnd] = useState(settings.quietHoursEnd ?? "");
  const save = useSaveQuietHours();
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
        <Field label="From" describedBy="quiet-hint quiet-status">
          {(field) => <Input {...field} type="time" className="tabular" value={start} onChange={(e) => setStart(e.target.value)} />}
        </Field>
        <Field label="Until" describedBy="quiet-hint quiet-status">
          {(field) => <Input {...field} type="time" className="tabular" value={end} onChange={(e) => setEnd(e.target.value)} />}
        </Field>
      </div>
      <Hint id="quiet-hint">
        In your time zone, {settings.timeZone} (change it in Settings).{" "}
        {on ? `Now: ${settings.quietHoursStart}–${settings.quietHoursEnd}.` : "Now: off."}
      </Hint>
      <div className="flex flex-wrap items-center gap-2">
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
        <FormStatus id="quiet-status" error={save.error?.message} saved={save.isSuccess && "Saved."} inline />
      </div>
    </form>
  );
}
