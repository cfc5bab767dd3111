export function Logo({ className = "" }: { className?: string }) {
  return (
    <span className={`inline-flex items-center gap-2 font-semibold tracking-tight ${className}`}>
      <span aria-hidden className="inline-flex size-7 items-center justify-center rounded-full bg-accent-600 text-white dark:bg-accent-500">
        <span className="size-2.5 rounded-full bg-white" />
      </span>
      Omi Hub
    </span>
  );
}
