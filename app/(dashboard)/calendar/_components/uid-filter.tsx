"use client";

import { useRouter } from "next/navigation";
import { useId } from "react";
import { shortUid } from "@/lib/day-summaries/labels";
import { calendarHref } from "@/lib/day-summaries/links";

/** For accounts with recaps from several Omi uids: show one uid's recaps, or all. */
export function UidFilter({ uids, uid, month }: { uids: string[]; uid: string | null; month: string }) {
  const router = useRouter();
  const id = useId();
  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor={id} className="font-medium text-zinc-700 dark:text-zinc-300">
        Omi account
      </label>
      <select
        id={id}
        value={uid ?? ""}
        onChange={(e) => router.push(calendarHref({ month, uid: e.target.value || null }))}
        className="h-9 rounded-lg border border-zinc-300 bg-white px-2 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-900"
      >
        <option value="">All ({uids.length})</option>
        {uids.map((u) => (
          <option key={u} value={u} title={u}>
            {shortUid(u)}
          </option>
        ))}
      </select>
    </div>
  );
}
