"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { fetchJson } from "@/lib/api/client";
import { audioRetentionSchema } from "@/lib/api/schemas/recordings";

const choices: { days: number | null; label: string }[] = [
  { days: null, label: "Forever" },
  { days: 7, label: "7 days" },
  { days: 30, label: "30 days" },
  { days: 90, label: "90 days" },
  { days: 365, label: "1 year" },
];

/** Account setting: audio older than this is deleted by the hourly maintenance run. */
export function RetentionControl({ initialDays }: { initialDays: number | null }) {
  const id = useId();
  const [days, setDays] = useState(initialDays);
  const save = useMutation({
    mutationFn: (next: number | null) =>
      fetchJson("/api/v1/recordings/retention", audioRetentionSchema, { method: "PATCH", body: JSON.stringify({ days: next }) }),
    onSuccess: (saved) => setDays(saved.days),
  });
  const options = choices.some((c) => c.days === days) ? choices : [...choices, { days, label: `${days} days` }];
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-2">
        <label htmlFor={id} className="text-sm text-zinc-600 dark:text-zinc-400">
          Keep audio
        </label>
        <select
          id={id}
          value={days === null ? "" : String(days)}
          disabled={save.isPending}
          onChange={(e) => {
            const next = e.target.value === "" ? null : Number(e.target.value);
            setDays(next);
            save.mutate(next);
          }}
          className="h-9 rounded-lg border border-zinc-300 bg-white px-2 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 dark:border-zinc-700 dark:bg-zinc-900"
        >
          {options.map((c) => (
            <option key={c.label} value={c.days === null ? "" : String(c.days)}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <p role="status" className="min-h-4 text-xs text-zinc-500 dark:text-zinc-400">
        {save.isError ? <span className="text-red-700 dark:text-red-300">Not saved: {save.error.message}</span> : save.isSuccess ? "Saved" : null}
      </p>
    </div>
  );
}
