/**
 * The calendar and heatmap shade a day by its total conversation minutes. Fixed
 * buckets (not relative to the busiest day) so a colour means the same thing in
 * every month and for every account; the legend prints them.
 */
export const shadeLevels = [
  { level: 0, label: "No recap", min: null },
  { level: 1, label: "Under 30 min", min: 0 },
  { level: 2, label: "30–59 min", min: 30 },
  { level: 3, label: "1–2 h", min: 60 },
  { level: 4, label: "2 h or more", min: 120 },
] as const;

export type ShadeLevel = (typeof shadeLevels)[number]["level"];

/** Level for a day with a recap (at least 1, even when Omi sent no minutes); 0 for no recap. */
export function shadeLevel(minutes: number | null | undefined, hasRecap = true): ShadeLevel {
  if (!hasRecap) return 0;
  const m = minutes ?? 0;
  if (m >= 120) return 4;
  if (m >= 60) return 3;
  if (m >= 30) return 2;
  return 1;
}

/** Tailwind classes per level, readable in both themes (text stays legible on the darkest shade). */
export const shadeClass: Record<ShadeLevel, string> = {
  0: "bg-zinc-100 dark:bg-zinc-800/60",
  1: "bg-accent-100 dark:bg-accent-900/50",
  2: "bg-accent-200 dark:bg-accent-800/70",
  3: "bg-accent-300 dark:bg-accent-700",
  4: "bg-accent-400 dark:bg-accent-600",
};
