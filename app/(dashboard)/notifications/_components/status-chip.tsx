"use client";

/** A notification's status as a chip: word, icon and colour (never colour alone). */
import { CheckCircle2, Clock, PauseCircle, XCircle } from "lucide-react";
import type { NotificationView } from "@/lib/api/schemas/notifications";

const chips: Record<NotificationView["status"], { label: string; icon: typeof Clock; className: string }> = {
  sent: { label: "Sent", icon: CheckCircle2, className: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300" },
  queued: { label: "Queued", icon: Clock, className: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300" },
  held: { label: "Held", icon: PauseCircle, className: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200" },
  failed: { label: "Failed", icon: XCircle, className: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300" },
};

export function StatusChip({ status }: { status: NotificationView["status"] }) {
  const chip = chips[status];
  const Icon = chip.icon;
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ${chip.className}`}>
      <Icon aria-hidden className="size-3.5" />
      {chip.label}
    </span>
  );
}
