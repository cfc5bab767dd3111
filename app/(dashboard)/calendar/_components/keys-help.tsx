function Kbd({ children }: { children: React.ReactNode }) {
  return (
    <kbd className="rounded border border-zinc-300 bg-white px-1 font-sans text-[11px] text-zinc-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300">
      {children}
    </kbd>
  );
}

/** The month grid's keys, written out on the page (the grid points here with aria-describedby). */
export function KeysHelp({ id }: { id: string }) {
  return (
    <p id={id} className="text-xs leading-6 text-zinc-500 dark:text-zinc-400">
      Keys in the calendar: <Kbd>←</Kbd> <Kbd>→</Kbd> day, <Kbd>↑</Kbd> <Kbd>↓</Kbd> week, <Kbd>Home</Kbd> <Kbd>End</Kbd> week start/end,{" "}
      <Kbd>Page Up</Kbd> <Kbd>Page Down</Kbd> month, <Kbd>Enter</Kbd> opens a recap.
    </p>
  );
}
