"use client";

/** Pieces of the token forms and lists in Settings: the expiry choice, the "created" panel, scope badges, the expiry line. */
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { ApiTokenJson } from "@/lib/api/schemas/tokens";
import { tokenScopeInfo, type TokenScope } from "@/lib/auth/token-scopes";
import { formatDateTime, formatRelative } from "@/lib/format";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";

/** Expiry choices offered in Settings, in days (null: never). */
export const expiryChoices: { label: string; days: number | null }[] = [
  { label: "Never", days: null },
  { label: "30 days", days: 30 },
  { label: "90 days", days: 90 },
  { label: "1 year", days: 365 },
];

/** The token's name, as the person will recognise it in the list. */
export function TokenNameField({
  id,
  label,
  value,
  onChange,
  placeholder,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  placeholder?: string;
}) {
  return (
    <Field id={id} label={label} className="flex-1">
      {(field) => <Input {...field} value={value} onChange={(e) => onChange(e.target.value)} placeholder={placeholder} maxLength={80} />}
    </Field>
  );
}

export function ExpirySelect({ id, value, onChange }: { id: string; value: number | null; onChange: (days: number | null) => void }) {
  return (
    <Field id={id} label="Expires">
      {(field) => (
        <Select
          {...field}
          value={value === null ? "never" : String(value)}
          onChange={(e) => onChange(e.target.value === "never" ? null : Number(e.target.value))}
          className="sm:w-36"
        >
          {expiryChoices.map((c) => (
            <option key={c.label} value={c.days === null ? "never" : String(c.days)}>
              {c.label}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

export function ScopeBadges({ scopes }: { scopes: TokenScope[] }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      {scopes.map((s) => (
        <span
          key={s}
          title={tokenScopeInfo[s].description}
          className="rounded bg-zinc-100 px-1.5 py-0.5 text-[11px] font-medium text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
        >
          {tokenScopeInfo[s].label}
        </span>
      ))}
    </span>
  );
}

/** "expires in 3 months", "expired 2 days ago" (in red: the token answers 401), or "never expires". */
export function ExpiryText({ token }: { token: Pick<ApiTokenJson, "expiresAt"> }) {
  if (!token.expiresAt) return <>never expires</>;
  const expired = Date.parse(token.expiresAt) <= Date.now();
  return (
    <span className={expired ? "font-medium text-red-700 dark:text-red-300" : undefined}>
      {expired ? "expired" : "expires"}{" "}
      <time dateTime={token.expiresAt} title={formatDateTime(token.expiresAt)}>
        {formatRelative(token.expiresAt)}
      </time>
    </span>
  );
}

/** A token was created: say so, show what to copy (the secret exists only now), and let the person close it. */
export function TokenCreated({ message, onDone, children }: { message: ReactNode; onDone: () => void; children: ReactNode }) {
  return (
    <div
      role="status"
      className="mt-4 space-y-2 rounded-lg border border-emerald-200 bg-emerald-50 p-3 dark:border-emerald-900 dark:bg-emerald-950/40"
    >
      <p className="text-sm font-medium text-emerald-900 dark:text-emerald-200">{message}</p>
      {children}
      <Button size="sm" variant="ghost" onClick={onDone}>
        Done
      </Button>
    </div>
  );
}
