/**
 * Form controls with one look: labels, text inputs, selects and text areas. `className`
 * overrides the defaults (see cn). Wire labels, hints and errors with Field.
 */
import type { ComponentProps } from "react";
import { cn } from "./cn";

const control =
  "block w-full rounded-lg border border-zinc-300 bg-white text-sm text-zinc-900 shadow-sm focus:border-accent-500 focus:outline-none focus:ring-2 focus:ring-accent-500/30 disabled:cursor-not-allowed disabled:opacity-60 aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:aria-invalid:border-red-400";

/** sm: filter bars and table rows; md: forms; lg: the one field a page is about (a code). */
const sizes = { sm: "h-9 px-2", md: "h-10 px-3", lg: "h-11 px-3 text-lg" } as const;
type Size = { size?: keyof typeof sizes };

export function Input({ size = "md", className, ...props }: Omit<ComponentProps<"input">, "size"> & Size) {
  return <input className={cn(control, sizes[size], className)} {...props} />;
}

export function Select({ size = "md", className, ...props }: Omit<ComponentProps<"select">, "size"> & Size) {
  return <select className={cn(control, sizes[size], className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={cn(control, "min-h-20 px-3 py-2", className)} {...props} />;
}

const labelSizes = { md: "text-sm font-medium", sm: "text-xs font-medium text-zinc-600 dark:text-zinc-400" } as const;

export function Label({ size = "md", className, ...props }: ComponentProps<"label"> & { size?: keyof typeof labelSizes }) {
  return <label className={cn(labelSizes[size], className)} {...props} />;
}

/** The small grey line under a field that says what to type. */
export function Hint({ className, ...props }: ComponentProps<"p">) {
  return <p className={cn("mt-1 text-xs text-zinc-500 dark:text-zinc-400", className)} {...props} />;
}

/** A checkbox (or, with role="switch", an on/off switch) in the accent colour. */
export function Checkbox({ className, ...props }: Omit<ComponentProps<"input">, "type">) {
  return <input type="checkbox" className={cn("size-4 shrink-0 accent-accent-600", className)} {...props} />;
}

export function Radio({ className, ...props }: Omit<ComponentProps<"input">, "type">) {
  return <input type="radio" className={cn("accent-accent-600", className)} {...props} />;
}
