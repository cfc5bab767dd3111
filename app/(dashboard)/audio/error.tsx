"use client";

import { useRouter } from "next/navigation";
import { startTransition } from "react";
import { ErrorState } from "@/components/ui/states";

export default function AudioError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  return (
    <ErrorState
      title="Your recordings could not be loaded"
      message={`The server could not read your audio${error.digest ? ` (reference ${error.digest})` : ""}. The database may be busy; try again.`}
      onRetry={() =>
        startTransition(() => {
          router.refresh();
          reset();
        })
      }
    />
  );
}
