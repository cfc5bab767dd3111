import { CalendarDays, ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { requireScope, requireUser } from "@/lib/auth/session";
import { addMonths, firstDayOfMonth, formatMonth, isIsoMonth, lastDayOfMonth, monthOf, todayIn } from "@/lib/day-summaries/dates";
import { calendarHref } from "@/lib/day-summaries/links";
import { listCalendarDays, recapUids } from "@/lib/day-summaries/queries";
import { KeysHelp } from "./_components/keys-help";
import { MonthGrid } from "./_components/month-grid";
import { MonthRecapList } from "./_components/month-recap-list";
import { ShadeLegend } from "./_components/shade-legend";
import { UidFilter } from "./_components/uid-filter";
import { heatmapStart, YearHeatmap } from "./_components/year-heatmap";

export const metadata = { title: "Calendar" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export default async function CalendarPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("/calendar");
  const params = await searchParams;
  const today = todayIn(user.timeZone);
  const requestedMonth = one(params.month);
  const month = requestedMonth && isIsoMonth(requestedMonth) ? requestedMonth : monthOf(today);

  const scope = await requireScope("/calendar");
  const uids = await recapUids({ scope });
  const requestedUid = one(params.uid);
  // An unknown uid in the URL would only show an empty calendar: fall back to all.
  const uid = requestedUid && uids.includes(requestedUid) ? requestedUid : null;
  const showUid = uids.length > 1;

  const [monthDays, yearDays] = await Promise.all([
    listCalendarDays({ scope, uid: uid ?? undefined, from: firstDayOfMonth(month), to: lastDayOfMonth(month) }),
    listCalendarDays({ scope, uid: uid ?? undefined, from: heatmapStart(today), to: today }),
  ]);

  const previous = addMonths(month, -1);
  const next = addMonths(month, 1);
  const monthName = formatMonth(month);
  const keysHelpId = "calendar-keys";

  return (
    <>
      <PageHeader
        title="Calendar"
        description="Omi's recap of each day you had conversations, shaded by how long you talked."
        actions={showUid ? <UidFilter uids={uids} uid={uid} month={month} /> : null}
      />

      {uids.length === 0 ? (
        <div className="mb-6">
          <EmptyState icon={<CalendarDays className="size-8" aria-hidden />} title="No day recaps yet">
            <p>
              Omi sends one recap per day, on days with conversations, at the summary hour you chose in the Omi app. Paste your{" "}
              <strong>Day summary</strong> webhook URL from{" "}
              <Link href="/settings" className="font-medium text-accent-700 underline dark:text-accent-300">
                Settings
              </Link>{" "}
              into Omi → Settings → Developer Settings → Webhooks, and recaps will appear here.
            </p>
          </EmptyState>
        </div>
      ) : (
        <Card className="mb-6">
          <YearHeatmap today={today} days={yearDays} uid={uid} currentMonth={month} />
        </Card>
      )}

      <section aria-labelledby="month-heading">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <h2 id="month-heading" className="text-xl font-semibold tracking-tight" aria-live="polite">
            {monthName}
          </h2>
          <nav aria-label="Months" className="flex items-center gap-2">
            <ButtonLink
              variant="secondary"
              size="sm"
              href={calendarHref({ month: previous, uid })}
              aria-label={`Previous month, ${formatMonth(previous)}`}
            >
              <ChevronLeft className="size-4" aria-hidden />
              <span className="hidden sm:inline">Previous</span>
            </ButtonLink>
            {month !== monthOf(today) ? (
              <ButtonLink variant="ghost" size="sm" href={calendarHref({ uid })}>
                Today
              </ButtonLink>
            ) : null}
            <ButtonLink
              variant="secondary"
              size="sm"
              href={calendarHref({ month: next, uid })}
              aria-label={`Next month, ${formatMonth(next)}`}
            >
              <span className="hidden sm:inline">Next</span>
              <ChevronRight className="size-4" aria-hidden />
            </ButtonLink>
          </nav>
        </div>

        <MonthGrid month={month} today={today} days={monthDays} uid={uid} showUid={showUid} keysHelpId={keysHelpId} />

        <div className="mt-3 flex flex-col gap-2">
          <ShadeLegend />
          <KeysHelp id={keysHelpId} />
        </div>

        <MonthRecapList days={monthDays} showUid={showUid} monthName={monthName} />
      </section>
    </>
  );
}
