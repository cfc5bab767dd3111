"use client";

import { formatDateTime, formatRelative } from "@/lib/format";

/** "3 min ago" with the exact time on hover, in the viewer's zone. */
export function RelativeTime({ iso, className = "" }: { iso: string; className?: string }) {
  return (
    <time dateTime={iso} title={formatDateTime(iso)} className={`tabular ${className}`} suppressHydrationWarning>
      {formatRelative(iso)}
    </time>
  );
}
