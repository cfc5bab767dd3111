"use client";

/** The list's filters, kept in the URL (shareable, survive reload and Back). */
import { X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { deliveryFilterKeys, type DeliveryFilters } from "@/lib/api/hooks/deliveries";
import { webhookEvents } from "@/lib/constants";
import { eventLabels } from "./labels";

export const noFilters: DeliveryFilters = { event: "", status: "", signed: "", from: "", to: "" };

export function FiltersBar({ value, onChange }: { value: DeliveryFilters; onChange: (next: DeliveryFilters) => void }) {
  const set = (key: keyof DeliveryFilters) => (e: React.ChangeEvent<HTMLSelectElement | HTMLInputElement>) =>
    onChange({ ...value, [key]: e.target.value });
  const active = deliveryFilterKeys.some((k) => value[k] !== "");
  return (
    <form
      role="search"
      aria-label="Filter deliveries"
      className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto] lg:items-end"
      onSubmit={(e) => e.preventDefault()}
    >
      <Field label="Event" labelSize="sm">
        {(field) => (
          <Select {...field} size="sm" value={value.event} onChange={set("event")}>
            <option value="">All events</option>
            {webhookEvents.map((e) => (
              <option key={e} value={e}>
                {eventLabels[e]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Status" labelSize="sm">
        {(field) => (
          <Select {...field} size="sm" value={value.status} onChange={set("status")}>
            <option value="">Any status</option>
            <option value="2xx">2xx stored</option>
            <option value="4xx">4xx refused</option>
            <option value="5xx">5xx server error</option>
          </Select>
        )}
      </Field>
      <Field label="Signature" labelSize="sm">
        {(field) => (
          <Select {...field} size="sm" value={value.signed} onChange={set("signed")}>
            <option value="">Signed or not</option>
            <option value="signed">Signed</option>
            <option value="unsigned">Unsigned</option>
          </Select>
        )}
      </Field>
      <Field label="From" labelSize="sm">
        {(field) => <Input {...field} size="sm" type="date" value={value.from} max={value.to || undefined} onChange={set("from")} />}
      </Field>
      <Field label="To" labelSize="sm">
        {(field) => <Input {...field} size="sm" type="date" value={value.to} min={value.from || undefined} onChange={set("to")} />}
      </Field>
      <div className="col-span-2 sm:col-span-1">
        <Button variant="ghost" size="sm" className="h-9" disabled={!active} onClick={() => onChange(noFilters)}>
          <X className="size-4" aria-hidden />
          Clear filters
        </Button>
      </div>
    </form>
  );
}
