import { Skeleton } from "@/components/ui/states";

export default function LoadingMemory() {
  return (
    <div role="status" aria-label="Loading memory" className="space-y-6">
      <Skeleton className="h-4 w-28" />
      <div className="flex gap-4">
        <Skeleton className="size-14 rounded-xl" />
        <div className="flex-1 space-y-2">
          <Skeleton className="h-7 w-2/3" />
          <Skeleton className="h-4 w-1/3" />
        </div>
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <Skeleton className="h-64" />
        <Skeleton className="h-40" />
      </div>
    </div>
  );
}
