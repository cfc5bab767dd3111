/** Omi's conversation categories (the ones most seen; any other value still shows). */
export const memoryCategories = [
  "work",
  "personal",
  "business",
  "technology",
  "education",
  "health",
  "finance",
  "family",
  "social",
  "travel",
  "entertainment",
  "romantic",
  "other",
] as const;

export function CategoryChip({ category }: { category: string }) {
  return (
    <span className="inline-flex items-center rounded-full bg-accent-50 px-2 py-0.5 text-xs font-medium text-accent-800 capitalize ring-1 ring-accent-200 ring-inset dark:bg-accent-900/40 dark:text-accent-200 dark:ring-accent-800">
      {category}
    </span>
  );
}
