/** Omi-behaviour warnings above the delivery list. */
import { AlertTriangle, Info, OctagonAlert } from "lucide-react";
import type { DeliveryWarning } from "@/lib/api/schemas/deliveries";

const tones: Record<DeliveryWarning["level"], { box: string; Icon: typeof Info; word: string }> = {
  info: { box: "border-sky-200 bg-sky-50 text-sky-900 dark:border-sky-900 dark:bg-sky-950/40 dark:text-sky-100", Icon: Info, word: "Note" },
  warning: {
    box: "border-amber-200 bg-amber-50 text-amber-950 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-100",
    Icon: AlertTriangle,
    word: "Warning",
  },
  danger: {
    box: "border-red-200 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100",
    Icon: OctagonAlert,
    word: "Danger",
  },
};

export function Warnings({ warnings }: { warnings: DeliveryWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <ul aria-label="About Omi's behaviour" className="grid gap-2 md:grid-cols-2">
      {warnings.map((w) => {
        const { box, Icon, word } = tones[w.level];
        return (
          <li key={w.id} className={`flex gap-3 rounded-lg border px-3 py-2.5 text-sm ${box} ${w.level !== "info" ? "md:col-span-2" : ""}`}>
            <Icon className="mt-0.5 size-4 shrink-0" aria-hidden />
            <div>
              <p className="font-medium">
                <span className="sr-only">{word}: </span>
                {w.title}
              </p>
              <p className="mt-0.5 opacity-90">{w.message}</p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
