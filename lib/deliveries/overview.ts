/** Everything the delivery log shows above the list: the hourly chart, warnings, totals. */
import type { DeliveriesOverview } from "@/lib/api/schemas/deliveries";
import type { DeliveryViewer } from "./access";
import { consecutiveFailures, deliveryCounts, hourlyCounts, refusalCounts } from "./queries";
import { deliveryWarnings } from "./warnings";

export async function getDeliveriesOverview({
  viewer,
  hours = 24,
}: {
  viewer: DeliveryViewer;
  hours?: number;
}): Promise<DeliveriesOverview> {
  const ownViewer = { ...viewer, operator: false };
  const [buckets, failures, counts, ownCounts, refusals] = await Promise.all([
    hourlyCounts({ viewer, hours }),
    consecutiveFailures({ userId: viewer.scope.userId }),
    deliveryCounts({ viewer }),
    // Warnings speak about the account's own data, not what an operator also sees.
    viewer.operator ? deliveryCounts({ viewer: ownViewer }) : null,
    viewer.operator ? refusalCounts({ hours }) : null,
  ]);
  return {
    hours: buckets,
    consecutiveFailures: failures,
    warnings: deliveryWarnings({ consecutiveFailures: failures, storedByEvent: (ownCounts ?? counts).storedByEvent }),
    operator: viewer.operator,
    refusals,
    total: counts.total,
  };
}
