"use client";

import { Download, Pause, Play } from "lucide-react";
import { useEffect, useImperativeHandle, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type Ref } from "react";
import { buttonClass } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { recordingAudioUrl } from "@/lib/api/hooks/recordings";
import type { RecordingDetail } from "@/lib/api/schemas/recordings";
import { formatOffset } from "@/lib/format";
import { barsFrom, Waveform } from "./waveform";

const SPEEDS = [0.75, 1, 1.25, 1.5, 2];
const STEP_SECONDS = 5;

export type PlayerHandle = { seek: (seconds: number, play?: boolean) => void };

function decodePeaks(base64: string): Uint8Array {
  const text = atob(base64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/**
 * Plays one recording from its streamed WAV (the browser asks for byte ranges as it
 * seeks). Keys on the waveform: ←/→ 5 s, Home/End, Space play/pause; ←/→ also work
 * from the player's buttons.
 */
export function Player({
  recording,
  timeZone,
  ref,
  onTime,
}: {
  recording: RecordingDetail;
  timeZone: string;
  ref?: Ref<PlayerHandle>;
  onTime?: (seconds: number) => void;
}) {
  const audio = useRef<HTMLAudioElement>(null);
  const [current, setCurrent] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const [failed, setFailed] = useState<string | null>(null);
  const duration = recording.durationSeconds;
  const bars = useMemo(() => barsFrom(decodePeaks(recording.peaks)), [recording.peaks]);
  const src = recordingAudioUrl(recording.id);

  const seek = (seconds: number, play = false) => {
    const el = audio.current;
    if (!el) return;
    const t = Math.min(Math.max(0, seconds), duration);
    el.currentTime = t;
    setCurrent(t);
    onTime?.(t);
    if (play) void el.play().catch(() => {});
  };
  useImperativeHandle(ref, () => ({ seek }));

  const toggle = () => {
    const el = audio.current;
    if (!el) return;
    if (el.paused) el.play().catch((e: unknown) => setFailed(e instanceof Error ? e.message : "The browser refused to play"));
    else el.pause();
  };

  useEffect(() => {
    if (audio.current) audio.current.playbackRate = speed;
  }, [speed]);

  const onWaveKey = (e: KeyboardEvent) => {
    if (e.key === " " || e.key === "Spacebar") {
      e.preventDefault();
      toggle();
    } else if (e.key === "Home") {
      e.preventDefault();
      seek(0);
    } else if (e.key === "End") {
      e.preventDefault();
      seek(duration);
    }
  };
  // ←/→ anywhere in the player except the speed menu (where arrows change the speed).
  const onPlayerKey = (e: KeyboardEvent) => {
    if ((e.target as HTMLElement).tagName === "SELECT") return;
    if (e.key === "ArrowLeft" || e.key === "ArrowRight") {
      e.preventDefault();
      seek((audio.current?.currentTime ?? current) + (e.key === "ArrowLeft" ? -STEP_SECONDS : STEP_SECONDS));
    }
  };
  const onPointer = (e: PointerEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    seek(((e.clientX - box.left) / box.width) * duration);
  };

  const progress = duration > 0 ? Math.min(1, current / duration) : 0;
  const started = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short", timeZone }).format(
    new Date(recording.startedAt),
  );
  const tz = encodeURIComponent(timeZone);

  return (
    <div onKeyDown={onPlayerKey}>
      <audio
        ref={audio}
        src={src}
        preload="metadata"
        onTimeUpdate={(e) => {
          setCurrent(e.currentTarget.currentTime);
          onTime?.(e.currentTarget.currentTime);
        }}
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onEnded={() => setPlaying(false)}
        onLoadedMetadata={(e) => {
          e.currentTarget.playbackRate = speed;
          setFailed(null);
        }}
        onError={() => setFailed("The audio could not be loaded. It may have been deleted; reload the page.")}
      />
      <div
        role="slider"
        tabIndex={0}
        aria-label={`Position in the recording of ${started}`}
        aria-valuemin={0}
        aria-valuemax={Math.round(duration)}
        aria-valuenow={Math.round(current * 10) / 10}
        aria-valuetext={`${formatOffset(current)} of ${formatOffset(duration)}`}
        onKeyDown={onWaveKey}
        onPointerDown={onPointer}
        className="h-24 cursor-pointer touch-none rounded-lg bg-zinc-50 px-1 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 dark:bg-zinc-950/50"
      >
        <Waveform bars={bars} progress={progress} gaps={recording.gaps} duration={duration} />
      </div>

      <div className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-3">
        <button
          type="button"
          onClick={toggle}
          aria-label={playing ? "Pause" : "Play"}
          className="flex size-11 items-center justify-center rounded-full bg-accent-600 text-white hover:bg-accent-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 dark:bg-accent-500 dark:text-zinc-950 dark:hover:bg-accent-400"
        >
          {playing ? <Pause className="size-5" aria-hidden /> : <Play className="ml-0.5 size-5" aria-hidden />}
        </button>
        <p className="tabular text-sm text-zinc-700 dark:text-zinc-300">
          <span data-testid="position">{formatOffset(current)}</span>
          <span className="text-zinc-400"> / </span>
          <span>{formatOffset(duration)}</span>
        </p>
        <label className="ml-auto flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
          Speed
          <Select size="sm" value={String(speed)} onChange={(e) => setSpeed(Number(e.target.value))} className="w-auto">
            {SPEEDS.map((s) => (
              <option key={s} value={String(s)}>
                {s}×
              </option>
            ))}
          </Select>
        </label>
        <a href={`${src}?download=1&tz=${tz}`} download className={buttonClass({ variant: "secondary", size: "sm" })}>
          <Download className="size-4" aria-hidden />
          Download WAV
        </a>
      </div>
      {failed ? (
        <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-300">
          {failed}
        </p>
      ) : null}
    </div>
  );
}
