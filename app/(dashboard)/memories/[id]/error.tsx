"use client";

import { ErrorState } from "@/components/ui/states";

export default function MemoryError({ reset }: { error: Error; reset: () => void }) {
  return <ErrorState title="Could not load this memory" message="The server did not answer as expected." onRetry={reset} />;
}
