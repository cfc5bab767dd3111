export const inputClass =
  "block h-10 w-full rounded-lg border border-zinc-300 bg-white px-3 text-sm shadow-sm focus:border-accent-500 focus:outline-none focus:ring-2 focus:ring-accent-500/30 dark:border-zinc-700 dark:bg-zinc-900";

export const sectionTitle = "text-lg font-semibold tracking-tight";
export const sectionText = "mt-1 text-sm text-zinc-600 dark:text-zinc-400";
