import { PageHeader } from "@/components/ui/page-header";
import { omiApiConfigured } from "@/lib/env";
import { ComposeCard } from "./_components/compose-card";
import { LogCard } from "./_components/log-card";
import { QuietHoursCard } from "./_components/quiet-hours-card";
import { RulesCard } from "./_components/rules-card";

export const metadata = { title: "Notifications" };

export default function NotificationsPage() {
  return (
    <>
      <PageHeader
        title="Notifications"
        description="Push messages to your phone through Omi: send one now, or let rules react to what you say, your memories and your day."
      />
      {!omiApiConfigured ? (
        <p
          role="note"
          className="mb-6 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200"
        >
          Omi API credentials (OMI_APP_ID, OMI_APP_SECRET) are not set, so only live-transcript rules that answer in the realtime reply can
          reach your phone. Everything else is logged as failed with the reason.
        </p>
      ) : null}
      <div className="grid gap-6">
        <RulesCard />
        <div className="grid gap-6 lg:grid-cols-2">
          <ComposeCard />
          <QuietHoursCard />
        </div>
        <LogCard />
      </div>
    </>
  );
}
