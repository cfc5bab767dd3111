import type { ReactNode } from "react";
import { cn } from "./cn";

type Props = {
  /** Give it an id and point the form's controls at it (aria-describedby) so the error is read with them. */
  id?: string;
  error?: string | null;
  saving?: ReactNode;
  saved?: ReactNode;
  /** Beside a button instead of under the form: no top margin. */
  inline?: boolean;
  className?: string;
};

/**
 * The line under a form that says what became of the last save: working, done, or what
 * went wrong (an alert). A polite live region, so each change is announced.
 *
 *   <FormStatus id="tz-status" error={save.error?.message} saving={save.isPending && "Saving…"} saved={save.isSuccess && "Saved."} />
 */
export function FormStatus({ id, error, saving, saved, inline, className }: Props) {
  const spacing = inline ? "" : "mt-2";
  return (
    <div id={id} aria-live="polite" className={cn("text-sm", className)}>
      {error ? (
        <p role="alert" className={cn(spacing, "text-red-700 dark:text-red-300")}>
          {error}
        </p>
      ) : saving ? (
        <p className={cn(spacing, "text-zinc-600 dark:text-zinc-400")}>{saving}</p>
      ) : saved ? (
        <p className={cn(spacing, "text-emerald-700 dark:text-emerald-300")}>{saved}</p>
      ) : null}
    </div>
  );
}
