"use client";

/**
 * What the hourly reconcile with Omi's Developer API found that no webhook delivered:
 * the sign that a webhook URL, the hub's uptime or an offline sync dropped something.
 */
import { SearchCheck } from "lucide-react";
import Link from "next/link";
import { RelativeTime } from "@/components/memories/relative-time";
import { useMissedByWebhooks } from "@/lib/api/hooks/omi-sync";

export function MissedByWebhooks() {
  const missed = useMissedByWebhooks();
  // Quiet unless there is something to say: loading and errors are the delivery log's to show.
  if (!missed.data || missed.data.total === 0) return null;
  const { total, items, days } = missed.data;
  return (
    <section
      aria-labelledby="missed-title"
      className="mb-6 rounded-xl border border-amber-200 bg-amber-50 p-4 text-amber-950 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <h2 id="missed-title" className="flex items-center gap-2 font-semibold">
        <SearchCheck className="size-4 shrink-0" aria-hidden />
        Reconcile found {total.toLocaleString()} conversation{total === 1 ? "" : "s"} your webhooks never delivered
      </h2>
      <p className="mt-1 text-sm opacity-90">
        In the last {days} days the hourly check with Omi&rsquo;s Developer API found these in Omi and added them here. If this keeps
        happening, check that your webhook URLs in Omi are right and that this hub is reachable.
      </p>
      <ul className="mt-3 space-y-1 text-sm">
        {items.map((item) => (
          <li key={item.id} className="flex flex-wrap items-baseline gap-x-2">
            {item.memoryId ? (
              <Link href={`/memories/${item.memoryId}`} className="font-medium underline underline-offset-2">
                {item.title || "Untitled conversation"}
              </Link>
            ) : (
              <span className="font-medium">{item.title || "Untitled conversation"}</span>
            )}
            <span className="text-xs opacity-80">
              {item.omiCreatedAt ? (
                <>
                  from <RelativeTime iso={item.omiCreatedAt} />,{" "}
                </>
              ) : null}
              found <RelativeTime iso={item.foundAt} />
            </span>
          </li>
        ))}
      </ul>
      {total > items.length ? <p className="mt-2 text-xs opacity-80">and {(total - items.length).toLocaleString()} more.</p> : null}
    </section>
  );
}
