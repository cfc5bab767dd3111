"use client";

/**
 * One delivery: what was sent (target with tokens redacted, headers, the body pretty-
 * printed as text), what we answered and how long it took, the signature result, and
 * Replay, which runs the stored body through ingest again and shows the new outcome.
 */
import { ArrowLeft, RotateCcw } from "lucide-react";
import Link from "next/link";
import { Button, ButtonLink } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { ErrorState, Skeleton } from "@/components/ui/states";
import { ApiError } from "@/lib/api/client";
import { useDelivery, useReplayDelivery } from "@/lib/api/hooks/deliveries";
import type { DeliveryDetail } from "@/lib/api/schemas/deliveries";
import { formatBytes, formatDateTime, formatRelative } from "@/lib/format";
import { authLabels, eventLabels, formatLatency, isSuccess, SignatureMark, StatusBadge } from "./labels";

/** JSON re-indented for reading; anything else exactly as received. Always text, never HTML. */
function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function prettyValue(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? "null";
}

const pre =
  "tabular max-h-[28rem] overflow-auto whitespace-pre-wrap break-words rounded-lg border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs leading-relaxed text-zinc-800 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-200";

function Section({ id, title, children, actions }: { id: string; title: string; children: React.ReactNode; actions?: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-xl border border-zinc-200 bg-white p-4 sm:p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 id={id} className="text-base font-semibold">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

export function DeliveryDetailView({ id }: { id: string }) {
  const query = useDelivery(id);

  if (query.isPending) {
    return (
      <div role="status" aria-label="Loading the delivery" className="space-y-4">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-40 w-full rounded-xl" />
        <Skeleton className="h-64 w-full rounded-xl" />
      </div>
    );
  }
  if (query.isError) {
    const missing = query.error instanceof ApiError && query.error.status === 404;
    return (
      <div className="space-y-4">
        <BackLink />
        <ErrorState
          title={missing ? "Delivery not found" : "Could not load this delivery"}
          message={missing ? "It may have been pruned after the retention period, or it belongs to another account." : query.error.message}
          onRetry={missing ? undefined : () => query.refetch()}
        />
      </div>
    );
  }
  return <Detail d={query.data} />;
}

function BackLink() {
  return (
    <Link href="/deliveries" className="inline-flex items-center gap-1 text-sm text-zinc-600 hover:underline dark:text-zinc-400">
      <ArrowLeft className="size-4" aria-hidden />
      All deliveries
    </Link>
  );
}

function Detail({ d }: { d: DeliveryDetail }) {
  const when = formatDateTime(d.receivedAt);
  const rows: [string, React.ReactNode][] = [
    ["Received", <time key="t" dateTime={d.receivedAt} title={when}>{`${when} (${formatRelative(d.receivedAt)})`}</time>],
    [
      "Answered",
      <span key="a" className="inline-flex items-center gap-2">
        <StatusBadge status={d.status} outcome={d.outcome} /> {d.outcome}
      </span>,
    ],
    [
      "Took",
      <span key="l" className="tabular">
        {formatLatency(d.latencyMs)}
      </span>,
    ],
    [
      "Size",
      <span key="s" className="tabular">
        {formatBytes(d.sizeBytes)}
      </span>,
    ],
    [
      "uid",
      <span key="u" className="font-mono break-all">
        {d.uid ?? "none sent"}
      </span>,
    ],
    ["Authenticated by", authLabels[d.auth]],
    ["Signature", <SignatureMark key="sig" signature={d.signature} />],
    [
      "Delivery key",
      <span key="k" className="font-mono break-all">
        {d.deliveryKey ?? "none"}
      </span>,
    ],
    [
      "Content type",
      <span key="c" className="font-mono">
        {d.contentType ?? "none"}
      </span>,
    ],
  ];
  if (d.replayOf) {
    rows.push([
      "Replay of",
      <Link
        key="r"
        href={`/deliveries/${d.replayOf}`}
        className="font-medium text-accent-700 underline underline-offset-2 dark:text-accent-300"
      >
        the original delivery
      </Link>,
    ]);
  }
  return (
    <div className="space-y-5">
      <BackLink />
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{eventLabels[d.event]} delivery</h1>
        <StatusBadge status={d.status} outcome={d.outcome} />
        {d.access === "operator" ? (
          <span className="rounded bg-violet-100 px-2 py-0.5 text-xs text-violet-800 dark:bg-violet-950 dark:text-violet-200">
            Operator view: metadata only
          </span>
        ) : null}
      </header>

      <ReplayPanel d={d} />

      {d.errorMessage ? (
        <section
          aria-labelledby="error-title"
          className="rounded-xl border border-red-200 bg-red-50 p-4 dark:border-red-900 dark:bg-red-950/40"
        >
          <h2 id="error-title" className="font-semibold text-red-900 dark:text-red-100">
            Why it was refused
          </h2>
          <p className="mt-1 text-sm text-red-800 dark:text-red-200">{d.errorMessage}</p>
          {Array.isArray(d.errorDetails) && d.errorDetails.length > 0 ? (
            <ul className="mt-2 list-disc space-y-0.5 pl-5 text-sm text-red-800 dark:text-red-200">
              {(d.errorDetails as { path?: unknown; message?: unknown }[]).slice(0, 20).map((e, i) => (
                <li key={i}>
                  <code className="font-mono">{String(e.path ?? "(root)")}</code>: {String(e.message ?? "")}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}

      <Section id="summary-title" title="Summary">
        <dl className="grid grid-cols-[7.5rem_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm sm:grid-cols-[10rem_minmax(0,1fr)] sm:gap-x-6">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-zinc-500 dark:text-zinc-400">{k}</dt>
              <dd className="min-w-0">{v}</dd>
            </div>
          ))}
        </dl>
      </Section>

      <Section id="request-title" title="Request">
        <p className="text-xs text-zinc-500 dark:text-zinc-400">Tokens and credentials are replaced by [redacted].</p>
        <p className="mt-2 font-mono text-sm break-all">
          <span className="font-semibold">POST</span> {d.target}
        </p>
        <table className="mt-3 w-full text-left text-xs">
          <caption className="sr-only">Request headers</caption>
          <thead>
            <tr className="text-zinc-500">
              <th scope="col" className="py-1 pr-4 font-medium">
                Header
              </th>
              <th scope="col" className="py-1 font-medium">
                Value
              </th>
            </tr>
          </thead>
          <tbody className="font-mono">
            {Object.entries(d.headers).map(([k, v]) => (
              <tr key={k} className="border-t border-zinc-100 align-top dark:border-zinc-800">
                <td className="py-1 pr-4 whitespace-nowrap">{k}</td>
                <td className="py-1 break-all">{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section id="body-title" title="Body" actions={d.body ? <CopyButton value={d.body} label="Copy body" /> : null}>
        {d.body !== null ? (
          <>
            {d.bodyTruncated ? (
              <p className="mb-2 text-xs text-amber-700 dark:text-amber-300">Cut at 256 KiB: the rest was not kept.</p>
            ) : null}
            <pre className={pre} aria-label="Request body">
              {pretty(d.body)}
            </pre>
          </>
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {d.event === "audio"
              ? "Audio bytes are not kept here: they are in the recording on the Audio page."
              : d.access === "operator" || d.auth === "none"
                ? "Not shown: bodies are kept only for authenticated requests, and only their owner sees them."
                : "No body was kept."}
          </p>
        )}
      </Section>

      <Section id="answer-title" title="Our answer">
        <p className="mb-2 flex items-center gap-2 text-sm">
          <StatusBadge status={d.status} outcome={d.outcome} /> after <span className="tabular">{formatLatency(d.latencyMs)}</span>
        </p>
        <pre className={pre} aria-label="Response body">
          {prettyValue(d.response)}
        </pre>
      </Section>

      {d.replays.length > 0 ? (
        <Section id="replays-title" title="Replays">
          <ul className="space-y-1 text-sm">
            {d.replays.map((r) => (
              <li key={r.id} className="flex items-center gap-2">
                <StatusBadge status={r.status} outcome={r.outcome} />
                <Link href={`/deliveries/${r.id}`} className="text-accent-700 underline underline-offset-2 dark:text-accent-300">
                  {formatDateTime(r.receivedAt)}
                </Link>
                <span className="text-zinc-500">{r.outcome}</span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </div>
  );
}

function ReplayPanel({ d }: { d: DeliveryDetail }) {
  const replay = useReplayDelivery(d.id);
  const result = replay.data?.delivery;
  return (
    <div className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex flex-wrap items-center gap-3">
        <Button
          onClick={() => replay.mutate()}
          disabled={d.replayBlockedReason !== null || replay.isPending}
          aria-describedby="replay-help"
        >
          <RotateCcw className="size-4" aria-hidden />
          {replay.isPending ? "Replaying…" : "Replay"}
        </Button>
        <p id="replay-help" className="min-w-0 flex-1 text-sm text-zinc-600 dark:text-zinc-400">
          {d.replayBlockedReason ??
            "Runs this body through ingest again, skipping the duplicate check. Stored items are updated, not copied."}
        </p>
      </div>
      <div role="status" aria-live="polite" className="empty:hidden">
        {result ? (
          <div
            className={`mt-3 flex flex-wrap items-center gap-2 rounded-lg px-3 py-2 text-sm ${
              isSuccess(result.status) ? "bg-emerald-50 dark:bg-emerald-950/40" : "bg-red-50 dark:bg-red-950/40"
            }`}
          >
            <span>Replay answered</span>
            <StatusBadge status={result.status} outcome={result.outcome} />
            <span>
              {result.outcome} in <span className="tabular">{formatLatency(result.latencyMs)}</span>
              {result.errorMessage ? `: ${result.errorMessage}` : ""}
            </span>
            <ButtonLink href={`/deliveries/${result.id}`} size="sm" variant="ghost" className="ml-auto">
              Open the replay
            </ButtonLink>
          </div>
        ) : replay.isError ? (
          <p className="mt-3 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/40 dark:text-red-200">
            Replay failed: {replay.error.message}
          </p>
        ) : null}
      </div>
    </div>
  );
}
