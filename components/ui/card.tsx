import type { ComponentProps } from "react";
import { cn } from "./cn";

/**
 * A panel of the dashboard: a named region (`<Card aria-labelledby={titleId}>` with a
 * CardTitle of that id), or `as="div"` where the page already makes the region.
 */
export function Card({ as: Tag = "section", className, ...props }: Omit<ComponentProps<"section">, "ref"> & { as?: "section" | "div" }) {
  return (
    <Tag
      className={cn("rounded-xl border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900", className)}
      {...props}
    />
  );
}

/** The card's heading (an h2: cards sit under the page's h1). */
export function CardTitle({ className, ...props }: ComponentProps<"h2">) {
  return <h2 className={cn("text-lg font-semibold tracking-tight", className)} {...props} />;
}

/** The sentence under a card's title that says what the card is for. */
export function CardDescription({ className, ...props }: ComponentProps<"p">) {
  return <p className={cn("mt-1 text-sm text-zinc-600 dark:text-zinc-400", className)} {...props} />;
}
