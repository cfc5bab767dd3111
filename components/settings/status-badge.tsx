import type { Link } from "@/lib/api/schemas/links";

const styles: Record<Link["status"], { label: string; className: string }> = {
  verified: { label: "Verified", className: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300" },
  trusted: { label: "Not verified (trusted)", className: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200" },
  unverified: { label: "Waiting for code", className: "bg-zinc-200 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200" },
};

export function LinkStatusBadge({ status }: { status: Link["status"] }) {
  const s = styles[status];
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${s.className}`}>{s.label}</span>;
}
