/**
 * One day recap, drawn from the view model only (so summary_json and legacy recaps
 * look the same). Headings: the headline is level `level`, sections one below.
 */
import { Brain, CircleHelp, Gavel, Lightbulb, ListChecks, MapPinned, Sparkles, type LucideIcon } from "lucide-react";
import { Card } from "@/components/ui/card";
import { formatMinutes, shortUid } from "@/lib/day-summaries/labels";
import type { RecapSection, RecapView } from "@/lib/day-summaries/view-model";
import { ActionItemsList, HighlightsList, LocationsList, MemoriesLearnedList, TextList, type MemoryLinks } from "./recap-sections";

const icons: Record<RecapSection["kind"], LucideIcon> = {
  highlights: Sparkles,
  actionItems: ListChecks,
  unresolvedQuestions: CircleHelp,
  decisionsMade: Gavel,
  knowledgeNuggets: Lightbulb,
  memoriesLearned: Brain,
  locations: MapPinned,
};

function SectionBody({ section, memories }: { section: RecapSection; memories: MemoryLinks }) {
  switch (section.kind) {
    case "highlights":
      return <HighlightsList items={section.items} memories={memories} />;
    case "actionItems":
      return <ActionItemsList items={section.items} memories={memories} />;
    case "unresolvedQuestions":
    case "decisionsMade":
    case "knowledgeNuggets":
      return <TextList items={section.items} memories={memories} />;
    case "memoriesLearned":
      return <MemoriesLearnedList items={section.items} />;
    case "locations":
      return <LocationsList items={section.items} memories={memories} />;
  }
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-xl border border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900">
      <dt className="text-xs font-medium text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="tabular mt-0.5 text-xl font-semibold">{value}</dd>
    </div>
  );
}

type Props = {
  view: RecapView;
  uid: string;
  showUid: boolean;
  memories: MemoryLinks;
  /** 1 when the page shows one recap (the headline is the page title), 2 when several share a date. */
  level: 1 | 2;
  dateLabel: string;
};

export function RecapArticle({ view, uid, showUid, memories, level, dateLabel }: Props) {
  const Headline = level === 1 ? "h1" : "h2";
  const SectionHeading = level === 1 ? "h2" : "h3";
  const id = `recap-${uid}`;
  return (
    <article aria-labelledby={id} className="space-y-6">
      <header className="flex items-start gap-4">
        <span
          aria-hidden
          className="flex size-14 shrink-0 items-center justify-center rounded-2xl bg-accent-50 text-3xl sm:size-16 sm:text-4xl dark:bg-accent-900/40"
        >
          {view.emoji ?? "📅"}
        </span>
        <div className="min-w-0">
          <Headline
            id={id}
            className={level === 1 ? "text-2xl font-semibold tracking-tight text-balance sm:text-3xl" : "text-xl font-semibold"}
          >
            {view.headline}
          </Headline>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {dateLabel}
            {showUid ? (
              <span className="ml-2 rounded-full border border-zinc-200 px-2 py-0.5 font-mono text-xs dark:border-zinc-700" title={uid}>
                Omi {shortUid(uid)}
              </span>
            ) : null}
          </p>
        </div>
      </header>

      {view.overview ? <p className="max-w-prose text-base leading-7 text-zinc-800 dark:text-zinc-200">{view.overview}</p> : null}

      {view.stats ? (
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          {view.stats.conversations !== null ? <Stat label="Conversations" value={String(view.stats.conversations)} /> : null}
          {view.stats.minutes !== null ? <Stat label="Time in conversation" value={formatMinutes(view.stats.minutes)} /> : null}
          {view.stats.actionItems !== null ? <Stat label="Action items" value={String(view.stats.actionItems)} /> : null}
        </dl>
      ) : null}

      {view.sections.length === 0 && view.isGeneric ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">Omi sent only a short recap for this day, without highlights.</p>
      ) : null}

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        {view.sections.map((section) => {
          const Icon = icons[section.kind];
          const headingId = `${id}-${section.kind}`;
          const wide = section.kind === "highlights" || section.kind === "locations";
          return (
            <Card key={section.kind} aria-labelledby={headingId} className={wide ? "lg:col-span-2" : ""}>
              <SectionHeading id={headingId} className="mb-3 flex items-center gap-2 text-base font-semibold">
                <Icon className="size-4 text-accent-600 dark:text-accent-300" aria-hidden />
                {section.title}
                <span aria-hidden className="tabular ml-auto text-xs font-normal text-zinc-500 dark:text-zinc-400">
                  {section.items.length}
                </span>
              </SectionHeading>
              <SectionBody section={section} memories={memories} />
            </Card>
          );
        })}
      </div>
    </article>
  );
}
