"use client";

/** Small pieces shared by the notification cards: field styles, the status chip. */
import { CheckCircle2, Clock, PauseCircle, XCircle } from "lucide-react";
import type { NotificationView } from "@/lib/api/schemas/notifications";

export const inputClass =
  "block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-accent-500 focus:outline-none focus:ring-2 focus:ring-accent-500/30 dark:border-zinc-700 dark:bg-zinc-900";
export const labelClass = "text-sm font-medium";
export const hintClass = "mt-1 text-xs text-zinc-500 dark:text-zinc-400";
export const sectionTitle = "text-lg font-semibold tracking-tight";
export const sectionText = "mt-1 text-sm text-zinc-600 dark:text-zinc-400";

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

export function FieldError({ id, message }: { id: string; message?: string | null }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="mt-1 text-sm text-red-700 dark:text-red-300">
      {message}
    </p>
  );
}
