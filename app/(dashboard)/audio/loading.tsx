import { Skeleton } from "@/components/ui/states";
import { AudioSkeletonBody } from "./_components/audio-skeleton";

export default function AudioLoading() {
  return (
    <div role="status" aria-label="Loading recordings">
      <Skeleton className="mb-2 h-8 w-32" />
      <Skeleton className="mb-6 h-4 w-96 max-w-full" />
      <AudioSkeletonBody />
    </div>
  );
}
