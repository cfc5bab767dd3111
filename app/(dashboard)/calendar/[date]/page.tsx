import { ArrowLeft, ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { requireScope } from "@/lib/auth/session";
import { formatLongDate, formatMonth, formatWeekdayDate, isIsoDate, monthOf } from "@/lib/day-summaries/dates";
import { calendarHref, recapHref } from "@/lib/day-summaries/links";
import { adjacentRecapDates, getDaySummariesOn, memoriesByOmiId, recapUids } from "@/lib/day-summaries/queries";
import { conversationIdsOf, toRecapView } from "@/lib/day-summaries/view-model";
import { RecapArticle } from "../_components/recap-article";

type Props = {
  params: Promise<{ date: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props) {
  const { date } = await params;
  return { title: isIsoDate(date) ? `Recap of ${formatLongDate(date)}` : "Recap" };
}

export default async function RecapPage({ params, searchParams }: Props) {
  const { date } = await params;
  const query = await searchParams;
  const scope = await requireScope(`/calendar/${date}`);
  if (!isIsoDate(date)) notFound();

  const uid = typeof query.uid === "string" && query.uid ? query.uid : undefined;
  const [items, adjacent, uids] = await Promise.all([
    getDaySummariesOn({ scope, date, uid }),
    adjacentRecapDates({ scope, date, uid }),
    recapUids({ scope }),
  ]);
  // Not visible to this account (or no recap that day): the same 404 either way.
  if (items.length === 0) notFound();

  const showUid = uids.length > 1;
  const recaps = await Promise.all(
    items.map(async (item) => {
      const view = toRecapView(item.content);
      const memories = await memoriesByOmiId({ scope, uid: item.uid, omiIds: conversationIdsOf(view) });
      return { item, view, memories };
    }),
  );
  const dateLabel = formatWeekdayDate(date);
  const single = recaps.length === 1;

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Link
          href={calendarHref({ month: monthOf(date), uid })}
          className="inline-flex items-center gap-1.5 text-sm font-medium text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
        >
          <ArrowLeft className="size-4" aria-hidden />
          {formatMonth(monthOf(date))}
        </Link>
        <nav aria-label="Other days with a recap" className="flex items-center gap-2">
          <DayLink date={adjacent.previous} uid={uid} direction="previous" />
          <DayLink date={adjacent.next} uid={uid} direction="next" />
        </nav>
      </div>

      {single ? null : <h1 className="text-2xl font-semibold tracking-tight">{dateLabel}</h1>}

      {recaps.map(({ item, view, memories }) => (
        <RecapArticle
          key={item.uid}
          view={view}
          uid={item.uid}
          showUid={showUid}
          memories={memories}
          level={single ? 1 : 2}
          dateLabel={dateLabel}
        />
      ))}
    </div>
  );
}

function DayLink({ date, uid, direction }: { date: string | null; uid?: string; direction: "previous" | "next" }) {
  const Icon = direction === "previous" ? ChevronLeft : ChevronRight;
  const word = direction === "previous" ? "Previous" : "Next";
  const className = buttonClass({ variant: "secondary", size: "sm" }, "tabular");
  if (!date) {
    return (
      <span aria-disabled className={`${className} cursor-not-allowed opacity-50`} title={`No ${word.toLowerCase()} recap`}>
        {direction === "previous" ? <Icon className="size-4" aria-hidden /> : null}
        <span className="sr-only">No {word.toLowerCase()} recap</span>
        <span aria-hidden>{word}</span>
        {direction === "next" ? <Icon className="size-4" aria-hidden /> : null}
      </span>
    );
  }
  const short = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
  return (
    <Link
      href={recapHref({ date, uid })}
      className={className}
      aria-label={`${word} recap, ${formatLongDate(date)}`}
      rel={direction === "previous" ? "prev" : "next"}
    >
      {direction === "previous" ? <Icon className="size-4" aria-hidden /> : null}
      {short}
      {direction === "next" ? <Icon className="size-4" aria-hidden /> : null}
    </Link>
  );
}
