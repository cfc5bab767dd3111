"use client";

import { AudioLines } from "lucide-react";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { useRecording, useRecordings } from "@/lib/api/hooks/recordings";
import type { RecordingSummary } from "@/lib/api/schemas/recordings";
import { formatBytes, formatDuration } from "@/lib/format";
import { AudioSkeletonBody } from "./audio-skeleton";
import { DeleteRecording } from "./delete-recording";
import { GapLegend } from "./gap-legend";
import { Player, type PlayerHandle } from "./player";
import { RecordingList } from "./recording-list";
import { RecordingTranscript } from "./recording-transcript";

/** New audio shows up without a reload while the phone streams. */
const REFRESH_MS = 15_000;

export function AudioView({
  timeZone,
  audioWebhookUrl,
  initialId,
}: {
  timeZone: string;
  audioWebhookUrl: string;
  initialId: string | null;
}) {
  const [chosenId, setChosenId] = useState<string | null>(initialId);
  const list = useRecordings({ refetchInterval: REFRESH_MS });
  const items: RecordingSummary[] = list.data?.pages.flatMap((p) => p.items) ?? [];
  const selected = items.find((r) => r.id === chosenId) ?? items[0] ?? null;

  const select = (id: string) => {
    setChosenId(id);
    window.history.replaceState(null, "", `/audio?r=${encodeURIComponent(id)}`);
  };

  if (list.isPending) return <AudioSkeletonBody />;
  if (list.isError)
    return <ErrorState title="Your recordings could not be loaded" message={list.error.message} onRetry={() => void list.refetch()} />;
  if (items.length === 0) return <NoRecordings audioWebhookUrl={audioWebhookUrl} />;

  return (
    <div className="grid gap-6 lg:grid-cols-[17rem_minmax(0,1fr)]">
      <div className="min-w-0 space-y-6 lg:col-start-2 lg:row-start-1">
        {selected ? (
          <SelectedRecording
            key={selected.id}
            summary={selected}
            timeZone={timeZone}
            onDeleted={() => {
              setChosenId(null);
              window.history.replaceState(null, "", "/audio");
            }}
          />
        ) : null}
      </div>
      <nav aria-labelledby="recordings-heading" className="lg:col-start-1 lg:row-start-1">
        {/* Visible on phones, where the list sits below the player; the columns say it on wide screens. */}
        <h2 id="recordings-heading" className="mb-3 text-base font-semibold lg:sr-only">
          All recordings
        </h2>
        <RecordingList items={items} timeZone={timeZone} selectedId={selected?.id ?? null} onSelect={select} />
        {list.hasNextPage ? (
          <Button
            variant="secondary"
            size="sm"
            className="mt-4 w-full"
            disabled={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {list.isFetchingNextPage ? "Loading…" : "Show older recordings"}
          </Button>
        ) : null}
      </nav>
    </div>
  );
}

function SelectedRecording({ summary, timeZone, onDeleted }: { summary: RecordingSummary; timeZone: string; onDeleted: () => void }) {
  const player = useRef<PlayerHandle>(null);
  const [current, setCurrent] = useState(0);
  // Read again when the recording grows; the previous one shows meanwhile.
  const detail = useRecording(summary);
  const started = new Intl.DateTimeFormat(undefined, {
    weekday: "short",
    dateStyle: undefined,
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  }).format(new Date(summary.startedAt));

  return (
    <>
      <Card aria-labelledby="player-heading">
        <div className="mb-4 flex flex-wrap items-start justify-between gap-2">
          <div>
            <CardTitle id="player-heading">Recording of {started}</CardTitle>
            <p className="tabular text-sm text-zinc-600 dark:text-zinc-400">
              {formatDuration(summary.durationSeconds)} · {summary.sampleRate / 1000} kHz · {formatBytes(summary.byteLength + 44)} ·{" "}
              {summary.chunkCount} {summary.chunkCount === 1 ? "chunk" : "chunks"}
            </p>
          </div>
          <DeleteRecording id={summary.id} onDeleted={onDeleted} />
        </div>
        {detail.isPending ? (
          <div role="status" aria-label="Loading the waveform">
            <Skeleton className="h-24 w-full" />
            <Skeleton className="mt-4 h-11 w-56" />
          </div>
        ) : detail.isError ? (
          <ErrorState title="This recording could not be loaded" message={detail.error.message} onRetry={() => void detail.refetch()} />
        ) : (
          <>
            <Player ref={player} recording={detail.data} timeZone={timeZone} onTime={setCurrent} />
            <GapLegend gaps={detail.data.gaps} />
            <p className="mt-3 text-xs text-zinc-500 dark:text-zinc-400">
              Keys on the waveform: ← → jump 5 s, Space plays or pauses, Home/End go to the start or end.
            </p>
          </>
        )}
      </Card>
      <Card aria-labelledby="transcript-heading">
        <h2 id="transcript-heading" className="mb-3 text-base font-semibold">
          Transcript received meanwhile
        </h2>
        {detail.data ? (
          <RecordingTranscript segments={detail.data.segments} current={current} onSeek={(t) => player.current?.seek(t, true)} />
        ) : (
          <Skeleton className="h-16 w-full" />
        )}
      </Card>
    </>
  );
}

function NoRecordings({ audioWebhookUrl }: { audioWebhookUrl: string }) {
  return (
    <EmptyState icon={<AudioLines className="size-8" aria-hidden />} title="No recordings yet">
      <p>
        Audio arrives only while the phone streams it. In the Omi phone app, open Settings → Developer Settings and paste this URL into the{" "}
        <strong>Audio bytes</strong> field. Add <code className="font-mono">,5</code> at the end to send every 5 seconds (the default).
      </p>
      <div className="mx-auto mt-4 flex max-w-xl items-center gap-2 rounded-lg border border-zinc-200 bg-zinc-50 p-2 text-left dark:border-zinc-800 dark:bg-zinc-950">
        <code className="min-w-0 flex-1 truncate font-mono text-xs" title={audioWebhookUrl}>
          {audioWebhookUrl}
        </code>
        <CopyButton value={audioWebhookUrl} label="Copy audio URL" />
      </div>
      <p className="mt-4">
        Chunks that arrive within a minute of each other form one recording; missing audio is marked, never filled with invented silence.
      </p>
    </EmptyState>
  );
}
