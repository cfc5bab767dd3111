import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/states";

export default function CalendarLoading() {
  return (
    <div role="status" aria-label="Loading the calendar">
      <Skeleton className="mb-2 h-8 w-40" />
      <Skeleton className="mb-6 h-4 w-80 max-w-full" />
      <Card className="mb-6">
        <Skeleton className="mb-3 h-4 w-32" />
        <Skeleton className="h-28 w-full" />
      </Card>
      <Skeleton className="mb-3 h-6 w-36" />
      <div className="grid grid-cols-7 gap-1">
        {Array.from({ length: 35 }, (_, i) => (
          <Skeleton key={i} className="h-16 sm:h-24" />
        ))}
      </div>
    </div>
  );
}
