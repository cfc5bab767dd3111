import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { ListSkeleton } from "@/components/ui/states";
import { DeliveriesView } from "./_components/deliveries-view";
import { MissedByWebhooks } from "./_components/missed-by-webhooks";

export const metadata = { title: "Deliveries" };

export default function Page() {
  return (
    <>
      <PageHeader
        title="Deliveries"
        description="Every request Omi sent to your webhook URLs, newest first: what arrived, what we answered, and why."
      />
      <MissedByWebhooks />
      <Suspense fallback={<ListSkeleton rows={6} label="Loading deliveries" />}>
        <DeliveriesView />
      </Suspense>
    </>
  );
}
