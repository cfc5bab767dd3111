import { ArrowLeft, AudioLines, CalendarClock, Clock, FileJson, FileText, Folder, Radio, Smartphone } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { ActionItemList } from "@/components/memories/action-item-list";
import { CategoryChip } from "@/components/memories/category-chip";
import { Markdown } from "@/components/memories/markdown";
import { RelativeTime } from "@/components/memories/relative-time";
import { TalkTimeBar } from "@/components/memories/talk-time";
import { Transcript } from "@/components/memories/transcript";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireScope } from "@/lib/auth/session";
import { formatDateTime, formatDuration, formatTime } from "@/lib/format";
import { getMemory } from "@/lib/memories/queries";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props) {
  const { id } = await params;
  const memory = await getMemory({ scope: await requireScope(`/memories/${id}`), id });
  return { title: memory ? memory.title || "Memory" : "Memory not found" };
}

function SectionCard({ title, children, className = "" }: { title: string; children: ReactNode; className?: string }) {
  const id = `section-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <Card aria-labelledby={id} className={className}>
      <h2 id={id} className="mb-3 text-sm font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
        {title}
      </h2>
      {children}
    </Card>
  );
}

export default async function MemoryPage({ params }: Props) {
  const { id } = await params;
  const memory = await getMemory({ scope: await requireScope(`/memories/${id}`), id });
  if (!memory) notFound();
  const exportHref = (format: "md" | "json") => `/api/v1/memories/${encodeURIComponent(memory.id)}/export?format=${format}`;
  const { related } = memory;

  return (
    <article className="space-y-6">
      <div>
        <Link
          href="/memories"
          className="inline-flex items-center gap-1 text-sm text-zinc-600 hover:text-accent-700 dark:text-zinc-400 dark:hover:text-accent-300"
        >
          <ArrowLeft className="size-4" aria-hidden />
          All memories
        </Link>
      </div>

      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex min-w-0 gap-4">
          <span
            aria-hidden
            className="flex size-14 shrink-0 items-center justify-center rounded-xl bg-white text-3xl shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800"
          >
            {memory.emoji}
          </span>
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold tracking-tight break-words">{memory.title || "Untitled memory"}</h1>
            <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1.5 text-sm text-zinc-600 dark:text-zinc-400">
              <CategoryChip category={memory.category} />
              {memory.startedAt ? (
                <span className="inline-flex items-center gap-1">
                  <CalendarClock className="size-4" aria-hidden />
                  <span className="tabular" title={formatDateTime(memory.startedAt)}>
                    {formatDateTime(memory.startedAt)}
                    {memory.finishedAt ? `–${formatTime(memory.finishedAt)}` : ""}
                  </span>
                </span>
              ) : (
                <RelativeTime iso={memory.listedAt} />
              )}
              <span className="inline-flex items-center gap-1 tabular">
                <Clock className="size-4" aria-hidden />
                <span className="sr-only">Duration </span>
                {formatDuration(memory.durationSeconds)}
              </span>
              {memory.discarded ? (
                <span className="rounded-full bg-zinc-200 px-2 py-0.5 text-xs font-medium dark:bg-zinc-800">Discarded</span>
              ) : null}
            </div>
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          <a href={exportHref("md")} download className={buttonClass({ variant: "secondary", size: "sm" })}>
            <FileText className="size-4" aria-hidden />
            Export Markdown
          </a>
          <a href={exportHref("json")} download className={buttonClass({ variant: "secondary", size: "sm" })}>
            <FileJson className="size-4" aria-hidden />
            Export JSON
          </a>
        </div>
      </header>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0 space-y-6">
          {memory.overview ? (
            <SectionCard title="Overview">
              <p className="leading-relaxed text-zinc-800 dark:text-zinc-200">{memory.overview}</p>
            </SectionCard>
          ) : null}

          {memory.sections.length ? (
            <SectionCard title="Sections">
              <div className="space-y-5">
                {memory.sections.map((s, i) => (
                  <section key={i} aria-label={s.heading || `Section ${i + 1}`}>
                    {s.heading ? <h3 className="mb-1.5 font-semibold">{s.heading}</h3> : null}
                    <Markdown>{s.bodyMarkdown}</Markdown>
                  </section>
                ))}
              </div>
            </SectionCard>
          ) : null}

          <SectionCard title="Transcript">
            {memory.transcriptSegments.length ? (
              <div className="space-y-5">
                <TalkTimeBar segments={memory.transcriptSegments} />
                <Transcript segments={memory.transcriptSegments} />
              </div>
            ) : (
              <p className="text-sm text-zinc-500">Omi sent no transcript with this memory.</p>
            )}
          </SectionCard>
        </div>

        <aside className="min-w-0 space-y-6" aria-label="Details">
          <SectionCard title="Action items">
            <ActionItemList items={memory.actionItems} />
          </SectionCard>

          {memory.events.length || memory.calendarEvent ? (
            <SectionCard title="Events">
              <ul className="space-y-3 text-sm">
                {memory.calendarEvent ? (
                  <li>
                    <p className="font-medium">{memory.calendarEvent.title || "Calendar event"}</p>
                    {memory.calendarEvent.startTime ? (
                      <p className="text-zinc-600 tabular dark:text-zinc-400">{formatDateTime(memory.calendarEvent.startTime)}</p>
                    ) : null}
                    {memory.calendarEvent.attendees.length ? (
                      <p className="text-zinc-600 dark:text-zinc-400">With {memory.calendarEvent.attendees.join(", ")}</p>
                    ) : null}
                    {memory.calendarEvent.htmlLink ? (
                      <a
                        href={memory.calendarEvent.htmlLink}
                        rel="noopener nofollow noreferrer"
                        target="_blank"
                        className="text-accent-700 underline dark:text-accent-300"
                      >
                        Open in calendar
                      </a>
                    ) : null}
                  </li>
                ) : null}
                {memory.events.map((e, i) => (
                  <li key={i}>
                    <p className="font-medium">{e.title}</p>
                    <p className="text-zinc-600 tabular dark:text-zinc-400">
                      {e.start && !Number.isNaN(Date.parse(e.start)) ? formatDateTime(e.start) : "No time given"}
                      {e.durationMinutes ? ` · ${e.durationMinutes} min` : ""}
                    </p>
                    {e.description ? <p className="text-zinc-600 dark:text-zinc-400">{e.description}</p> : null}
                  </li>
                ))}
              </ul>
            </SectionCard>
          ) : null}

          {memory.photos.length ? (
            <SectionCard title="Photos">
              <ul className="grid grid-cols-2 gap-2">
                {memory.photos.map((p, i) => (
                  <li key={p.id ?? i}>
                    <img
                      src={`data:${p.contentType};base64,${p.base64}`}
                      alt={p.description ?? "Photo from the conversation"}
                      className="aspect-square w-full rounded-lg object-cover"
                    />
                  </li>
                ))}
              </ul>
            </SectionCard>
          ) : null}

          <SectionCard title="Details">
            <dl className="space-y-2 text-sm">
              {related.liveSessions.map((s) => (
                <div key={s.id} className="flex items-center gap-2">
                  <Radio className="size-4 text-zinc-500" aria-hidden />
                  <dt className="sr-only">Live session</dt>
                  <dd>
                    <Link
                      href={`/live?session=${encodeURIComponent(s.id)}`}
                      className="text-accent-700 underline underline-offset-2 dark:text-accent-300"
                    >
                      Live session at {formatTime(s.startedAt)}
                    </Link>
                  </dd>
                </div>
              ))}
              {related.recordings.map((r) => (
                <div key={r.id} className="flex items-center gap-2">
                  <AudioLines className="size-4 text-zinc-500" aria-hidden />
                  <dt className="sr-only">Recording</dt>
                  <dd>
                    <Link
                      href={`/audio?recording=${encodeURIComponent(r.id)}`}
                      className="text-accent-700 underline underline-offset-2 dark:text-accent-300"
                    >
                      Recording from {formatTime(r.startedAt)}
                    </Link>
                  </dd>
                </div>
              ))}
              {memory.folderName ? (
                <div className="flex items-center gap-2">
                  <Folder className="size-4 text-zinc-500" aria-hidden />
                  <dt className="sr-only">Folder</dt>
                  <dd>{memory.folderName}</dd>
                </div>
              ) : null}
              <div className="flex items-center gap-2">
                <Smartphone className="size-4 text-zinc-500" aria-hidden />
                <dt className="sr-only">Source and Omi uid</dt>
                <dd className="min-w-0 truncate">
                  {memory.source ?? "unknown source"} · <span className="font-mono text-xs">{memory.uid}</span>
                </dd>
              </div>
              <div className="text-xs text-zinc-500">
                <dt className="inline">Received </dt>
                <dd className="inline">
                  <RelativeTime iso={memory.receivedAt} />
                  {memory.revisions > 1 ? ` · sent ${memory.revisions} times` : ""}
                </dd>
              </div>
            </dl>
          </SectionCard>
        </aside>
      </div>

      <details className="group rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
        <summary className="cursor-pointer text-sm font-medium text-zinc-700 dark:text-zinc-300">Raw JSON from Omi</summary>
        <pre className="mt-3 max-h-[32rem] overflow-auto rounded-lg bg-zinc-50 p-3 font-mono text-xs leading-relaxed dark:bg-zinc-950">
          {JSON.stringify(memory.omi, null, 2)}
        </pre>
      </details>
    </article>
  );
}
