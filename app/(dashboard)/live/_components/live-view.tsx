"use client";
import { Radio } from "lucide-react";
import Link from "next/link";
import { Card, CardTitle } from "@/components/ui/card";
import { ErrorState, Skeleton } from "@/components/ui/states";
import { ConnectionBadge } from "./connection-badge";
import { PastSessions } from "./past-sessions";
import { TranscriptPanel } from "./transcript-panel";
import { useLiveTranscript } from "./use-live-transcript";

export function LiveView() {
  const live = useLiveTranscript();

  return (
    <>
      <Card aria-labelledby="current-session">
        <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
          <CardTitle id="current-session">{live.sessionId ? "Current session" : "Waiting for Omi"}</CardTitle>
          <ConnectionBadge state={live.connection} onReconnect={live.reconnect} />
        </div>
        {live.loadError ? (
          <ErrorState title="The live transcript could not be loaded" message={live.loadError} onRetry={live.reconnect} />
        ) : !live.loaded ? (
          <div role="status" aria-label="Loading the live transcript" className="space-y-3">
            <Skeleton className="h-4 w-1/4" />
            <Skeleton className="h-4 w-3/4" />
            <Skeleton className="h-4 w-1/3" />
            <Skeleton className="h-4 w-2/3" />
          </div>
        ) : live.lines.length === 0 ? (
          <Waiting />
        ) : (
          <TranscriptPanel lines={live.lines} announcement={live.announcement} />
        )}
      </Card>
      <PastSessions currentId={live.sessionId} />
    </>
  );
}

function Waiting() {
  return (
    <div className="rounded-lg border border-dashed border-zinc-300 px-6 py-10 text-center dark:border-zinc-700">
      <Radio aria-hidden className="mx-auto mb-3 size-8 text-zinc-400" />
      <p className="font-medium">Start talking with Omi…</p>
      <p className="mx-auto mt-2 max-w-prose text-sm text-zinc-600 dark:text-zinc-400">
        Lines appear here about a second after Omi transcribes them. Omi sends them to the <strong>Real-time transcript</strong> webhook:
        paste its URL from{" "}
        <Link href="/settings" className="font-medium text-accent-700 underline-offset-2 hover:underline dark:text-accent-300">
          Settings
        </Link>{" "}
        into Omi (Settings → Developer → Webhooks, or your app’s real-time transcript trigger).
      </p>
    </div>
  );
}
