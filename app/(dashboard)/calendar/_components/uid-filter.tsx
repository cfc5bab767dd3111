"use client";

import { useRouter } from "next/navigation";
import { useId } from "react";
import { Label, Select } from "@/components/ui/input";
import { shortUid } from "@/lib/day-summaries/labels";
import { calendarHref } from "@/lib/day-summaries/links";

/** For accounts with recaps from several Omi uids: show one uid's recaps, or all. */
export function UidFilter({ uids, uid, month }: { uids: string[]; uid: string | null; month: string }) {
  const router = useRouter();
  const id = useId();
  return (
    <div className="flex items-center gap-2 text-sm">
      <Label htmlFor={id} className="text-zinc-700 dark:text-zinc-300">
        Omi account
      </Label>
      <Select
        id={id}
        size="sm"
        value={uid ?? ""}
        onChange={(e) => router.push(calendarHref({ month, uid: e.target.value || null }))}
        className="w-auto font-mono"
      >
        <option value="">All ({uids.length})</option>
        {uids.map((u) => (
          <option key={u} value={u} title={u}>
            {shortUid(u)}
          </option>
        ))}
      </Select>
    </div>
  );
}
