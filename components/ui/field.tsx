"use client";

import { useId, type ReactNode } from "react";
import { Hint, Label } from "./input";

/** What Field hands its control: spread it onto the Input, Select or Textarea. */
export type FieldControlProps = { id: string; "aria-describedby"?: string; "aria-invalid"?: true };

type Props = {
  label: ReactNode;
  /** Beside the label, at the right (a character count). */
  aside?: ReactNode;
  hint?: ReactNode;
  /** Shown under the control as an alert; marks the control invalid. */
  error?: string | null;
  /** The control's id; generated when not given. */
  id?: string;
  /** Ids of other elements that describe the control (a count, a form status line). */
  describedBy?: string;
  labelSize?: "sm" | "md";
  labelClassName?: string;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
};

/**
 * A label, its control, a hint and an error, wired for assistive technology: the label
 * names the control, and aria-describedby points at the hint and the error.
 *
 *   <Field label="Email" error={errors.email}>{(field) => <Input {...field} type="email" />}</Field>
 */
export function Field({ label, aside, hint, error, id, describedBy, labelSize, labelClassName, className, children }: Props) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const ids = [hint ? hintId : null, error ? errorId : null, describedBy ?? null].filter(Boolean).join(" ");
  const labelEl = (
    <Label htmlFor={controlId} size={labelSize} className={labelClassName}>
      {label}
    </Label>
  );
  return (
    <div className={className}>
      {aside ? (
        <div className="flex items-baseline justify-between gap-2">
          {labelEl}
          {aside}
        </div>
      ) : (
        labelEl
      )}
      <div className="mt-1">
        {children({ id: controlId, "aria-describedby": ids || undefined, "aria-invalid": error ? true : undefined })}
      </div>
      {hint ? <Hint id={hintId}>{hint}</Hint> : null}
      {error ? (
        <p id={errorId} role="alert" className="mt-1 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}
