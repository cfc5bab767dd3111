import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/states";

/** The player and list shapes while recordings load. */
export function AudioSkeletonBody() {
  return (
    <div className="grid gap-6 lg:grid-cols-[17rem_minmax(0,1fr)]">
      <Card className="lg:col-start-2 lg:row-start-1">
        <Skeleton className="mb-4 h-5 w-48" />
        <Skeleton className="h-24 w-full" />
        <div className="mt-4 flex gap-3">
          <Skeleton className="h-10 w-10 rounded-full" />
          <Skeleton className="h-10 w-40" />
        </div>
      </Card>
      <div className="space-y-2 lg:col-start-1 lg:row-start-1">
        <Skeleton className="h-4 w-24" />
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-14 w-full" />
        ))}
      </div>
    </div>
  );
}
