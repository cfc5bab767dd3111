/** Names, colours and small badges shared by the delivery list and detail. */
import { ShieldAlert, ShieldCheck, ShieldOff } from "lucide-react";
import type { DeliverySummary } from "@/lib/api/schemas/deliveries";

export const eventLabels: Record<DeliverySummary["event"], string> = {
  memory: "Memory",
  realtime: "Live transcript",
  audio: "Audio",
  "day-summary": "Day summary",
  button: "Button",
};

export const authLabels: Record<DeliverySummary["auth"], string> = {
  app: "App token",
  personal: "Personal token",
  signature: "Signature only",
  none: "Not authenticated",
};

export const signatureLabels: Record<DeliverySummary["signature"], string> = {
  valid: "Signed",
  invalid: "Bad signature",
  stale: "Stale signature",
  absent: "Unsigned",
  unchecked: "Signature not checked",
};

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

/** Status code with its meaning in words: colour is never the only signal. */
export function StatusBadge({ status, outcome }: { status: number; outcome?: string }) {
  const ok = isSuccess(status);
  const server = status >= 500;
  const tone = ok
    ? "bg-emerald-50 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-950/50 dark:text-emerald-300 dark:ring-emerald-400/30"
    : server
      ? "bg-amber-50 text-amber-900 ring-amber-600/30 dark:bg-amber-950/50 dark:text-amber-300 dark:ring-amber-400/30"
      : "bg-red-50 text-red-800 ring-red-600/20 dark:bg-red-950/50 dark:text-red-300 dark:ring-red-400/30";
  const word = outcome === "duplicate" ? "duplicate" : ok ? "ok" : "failed";
  return (
    <span
      className={`tabular inline-flex shrink-0 items-center gap-1 rounded-md px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${tone}`}
    >
      {status}
      <span className="font-normal">{word}</span>
    </span>
  );
}

export function SignatureMark({ signature }: { signature: DeliverySummary["signature"] }) {
  const Icon = signature === "valid" ? ShieldCheck : signature === "invalid" || signature === "stale" ? ShieldAlert : ShieldOff;
  const tone =
    signature === "valid"
      ? "text-emerald-700 dark:text-emerald-400"
      : signature === "invalid" || signature === "stale"
        ? "text-red-700 dark:text-red-400"
        : "text-zinc-500 dark:text-zinc-400";
  return (
    <span className={`inline-flex items-center gap-1 text-xs ${tone}`}>
      <Icon className="size-3.5" aria-hidden />
      {signatureLabels[signature]}
    </span>
  );
}

export function formatLatency(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : ms < 10_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
