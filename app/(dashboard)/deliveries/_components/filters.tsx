"use client";

/** The list's filters, kept in the URL (shareable, survive reload and Back). */
import { X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { webhookEvents } from "@/lib/constants";
import { eventLabels } from "./labels";

export type Filters = { event: string; status: string; signed: string; from: string; to: string };
export const filterKeys = ["event", "status", "signed", "from", "to"] as const;

const fieldClass =
  "mt-1 block h-9 w-full rounded-lg border border-zinc-300 bg-white px-2 text-sm shadow-sm focus:border-accent-500 focus:outline-none focus:ring-2 focus:ring-accent-500/30 dark:border-zinc-700 dark:bg-zinc-900";
const labelClass = "text-xs font-medium text-zinc-600 dark:text-zinc-400";

export function FiltersBar({ value, onChange }: { value: Filters; onChange: (next: Filters) => void }) {
  const set = (key: keyof Filters) => (e: React.ChangeEvent<HTMLSelectElement | HTMLInputElement>) => onChange({ ...value, [key]: e.target.value });
  const active = filterKeys.some((k) => value[k] !== "");
  return (
    <form
      role="search"
      aria-label="Filter deliveries"
      className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto] lg:items-end"
      onSubmit={(e) => e.preventDefault()}
    >
      <div>
        <label htmlFor="filter-event" className={labelClass}>
          Event
        </label>
        <select id="filter-event" value={value.event} onChange={set("event")} className={fieldClass}>
          <option value="">All events</option>
          {webhookEvents.map((e) => (
            <option key={e} value={e}>
              {eventLabels[e]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-status" className={labelClass}>
          Status
        </label>
        <select id="filter-status" value={value.status} onChange={set("status")} className={fieldClass}>
          <option value="">Any status</option>
          <option value="2xx">2xx stored</option>
          <option value="4xx">4xx refused</option>
          <option value="5xx">5xx server error</option>
        </select>
      </div>
      <div>
        <label htmlFor="filter-signed" className={labelClass}>
          Signature
        </label>
        <select id="filter-signed" value={value.signed} onChange={set("signed")} className={fieldClass}>
          <option value="">Signed or not</option>
          <option value="signed">Signed</option>
          <option value="unsigned">Unsigned</option>
        </select>
      </div>
      <div>
        <label htmlFor="filter-from" className={labelClass}>
          From
        </label>
        <input id="filter-from" type="date" value={value.from} max={value.to || undefined} onChange={set("from")} className={fieldClass} />
      </div>
      <div>
        <label htmlFor="filter-to" className={labelClass}>
          To
        </label>
        <input id="filter-to" type="date" value={value.to} min={value.from || undefined} onChange={set("to")} className={fieldClass} />
      </div>
      <div className="col-span-2 sm:col-span-1">
        <Button
          variant="ghost"
          size="sm"
          className="h-9"
          disabled={!active}
          onClick={() => onChange({ event: "", status: "", signed: "", from: "", to: "" })}
        >
          <X className="size-4" aria-hidden />
          Clear filters
        </Button>
      </div>
    </form>
  );
}
