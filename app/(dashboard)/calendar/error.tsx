"use client";

import { useRouter } from "next/navigation";
import { startTransition } from "react";
import { ErrorState } from "@/components/ui/states";

/** For the calendar and every recap page: say what failed and offer to try again. */
export default function CalendarError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  return (
    <ErrorState
      title="The recaps could not be loaded"
      message={
        error.digest
          ? `The server could not read your day recaps (reference ${error.digest}). The database may be busy; try again.`
          : "The server could not read your day recaps. The database may be busy; try again."
      }
      onRetry={() =>
        startTransition(() => {
          router.refresh();
          reset();
        })
      }
    />
  );
}
