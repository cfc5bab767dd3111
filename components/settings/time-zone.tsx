"use client";

/** Settings → time zone: what day boundaries and quiet hours use. Offers the browser's zone. */
import { useMutation } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { fetchJson } from "@/lib/api/client";
import { accountSchema } from "@/lib/api/schemas/account";
import { inputClass, sectionText, sectionTitle } from "./styles";

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
  const save = useMutation({
    mutationFn: (timeZone: string) => fetchJson("/api/v1/account", accountSchema, { method: "PATCH", body: JSON.stringify({ timeZone }) }),
    onSuccess: (data) => {
      setSaved(data.timeZone);
      setValue(data.timeZone);
    },
  });
  return (
    <Card aria-labelledby="tz-title">
      <h2 id="tz-title" className={sectionTitle}>
        Time zone
      </h2>
      <p className={sectionText}>
        Used for day boundaries in the calendar and for quiet hours. Now: <strong className="font-medium text-zinc-800 dark:text-zinc-200">{saved}</strong>
      </p>
      <form
        className="mt-4 flex flex-col gap-2 sm:flex-row sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(value.trim());
        }}
      >
        <div className="flex-1">
          <label htmlFor="time-zone" className="text-sm font-medium">
            Time zone
          </label>
          <input
            id="time-zone"
            list="time-zones"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            autoComplete="off"
            aria-invalid={save.isError ? true : undefined}
            aria-describedby={save.isError ? "tz-error" : undefined}
            className={`${inputClass} mt-1`}
          />
          <datalist id="time-zones">
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={save.isPending || !value.trim() || value.trim() === saved}>
            Save time zone
          </Button>
          {browserZone && browserZone !== saved ? (
            <Button variant="secondary" disabled={save.isPending} onClick={() => save.mutate(browserZone)}>
              Use {browserZone}
            </Button>
          ) : null}
        </div>
      </form>
      <div aria-live="polite">
        {save.isError ? (
          <p id="tz-error" role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
            {save.error.message}
          </p>
        ) : save.isSuccess ? (
          <p className="mt-2 text-sm text-emerald-700 dark:text-emerald-300">Saved.</p>
        ) : null}
      </div>
    </Card>
  );
}
