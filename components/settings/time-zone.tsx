"use client";

/** Settings → time zone: what day boundaries and quiet hours use. Offers the browser's zone. */
import { useEffect, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { Input } from "@/components/ui/input";
import { useSaveTimeZone } from "@/lib/api/hooks/account";

export function TimeZoneCard({ initial }: { initial: string }) {
  const [saved, setSaved] = useState(initial);
  const [value, setValue] = useState(initial);
  const [browserZone, setBrowserZone] = useState<string | null>(null);
  useEffect(() => setBrowserZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);
  const zones = useMemo(() => {
    try {
      return Intl.supportedValuesOf("timeZone");
    } catch {
      return [];
    }
  }, []);
  const save = useSaveTimeZone();
  const submit = (timeZone: string) =>
    save.mutate(timeZone, {
      onSuccess: (data) => {
        setSaved(data.timeZone);
        setValue(data.timeZone);
      },
    });
  return (
    <Card aria-labelledby="tz-title">
      <CardTitle id="tz-title">Time zone</CardTitle>
      <CardDescription>
        Used for day boundaries in the calendar and for quiet hours. Now:{" "}
        <strong className="font-medium text-zinc-800 dark:text-zinc-200">{saved}</strong>
      </CardDescription>
      <form
        className="mt-4 flex flex-col gap-2 sm:flex-row sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          submit(value.trim());
        }}
      >
        <Field label="Time zone" className="flex-1" describedBy="tz-status">
          {(field) => (
            <Input
              {...field}
              list="time-zones"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              autoComplete="off"
              aria-invalid={save.isError || undefined}
            />
          )}
        </Field>
        <datalist id="time-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={save.isPending || !value.trim() || value.trim() === saved}>
            Save time zone
          </Button>
          {browserZone && browserZone !== saved ? (
            <Button variant="secondary" disabled={save.isPending} onClick={() => submit(browserZone)}>
              Use {browserZone}
            </Button>
          ) : null}
        </div>
      </form>
      <FormStatus id="tz-status" error={save.error?.message} saved={save.isSuccess && "Saved."} />
    </Card>
  );
}
