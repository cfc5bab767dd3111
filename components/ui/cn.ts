import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/**
 * Joins class names (strings, conditionals, arrays) and lets a later Tailwind class win
 * over an earlier one of the same kind, so a caller's className overrides a primitive's
 * default (`cn("h-10 px-3", "h-8")` is "px-3 h-8") whatever order Tailwind emits them in.
 */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
