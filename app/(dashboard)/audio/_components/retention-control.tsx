"use client";

import { useId, useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { Label, Select } from "@/components/ui/input";
import { useSaveAudioRetention } from "@/lib/api/hooks/recordings";

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
  const save = useSaveAudioRetention();
  const options = choices.some((c) => c.days === days) ? choices : [...choices, { days, label: `${days} days` }];
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-2">
        <Label htmlFor={id} className="font-normal text-zinc-600 dark:text-zinc-400">
          Keep audio
        </Label>
        <Select
          id={id}
          size="sm"
          value={days === null ? "" : String(days)}
          disabled={save.isPending}
          aria-describedby={`${id}-status`}
          onChange={(e) => {
            const next = e.target.value === "" ? null : Number(e.target.value);
            setDays(next);
            save.mutate(next, { onSuccess: (saved) => setDays(saved.days) });
          }}
          className="w-auto"
        >
          {options.map((c) => (
            <option key={c.label} value={c.days === null ? "" : String(c.days)}>
              {c.label}
            </option>
          ))}
        </Select>
      </div>
      <FormStatus
        id={`${id}-status`}
        inline
        className="min-h-4 text-xs text-zinc-500 dark:text-zinc-400"
        error={save.error && `Not saved: ${save.error.message}`}
        saved={save.isSuccess && "Saved"}
      />
    </div>
  );
}
