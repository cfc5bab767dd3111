/**
 * Where an arriving audio chunk belongs, decided from arrival times alone (Omi sends no
 * session id or timestamp with audio, docs/OMI.md §3).
 *
 * A recording's timeline is the audio it holds, not the arrival clock: its expected
 * end is `startedAt + seconds received + seconds already marked missing`. For a new
 * chunk, `lag = receivedAt − expectedEnd`:
 *
 * - Omi's normal rhythms keep lag near zero at the start of every send. App audio is one
 *   request of ~4 s of audio every ~4 s. Developer Settings audio is a buffer of ~N s
 *   sent every N s as 1-second requests back to back: within a burst the audio runs ahead
 *   of the clock (lag goes negative by up to N s), and the next burst, N s later, brings
 *   lag back to about zero. So a negative lag is normal and never a gap, whatever N is.
 * - lag > `splitAfterSeconds` (AUDIO_GAP_SECONDS, default 60): the phone stopped
 *   streaming; the chunk starts a new recording. A different sample rate does too.
 * - GAP_TOLERANCE_SECONDS < lag ≤ split: audio went missing (a dropped app send, or a
 *   failed 1-second request that dropped the rest of its buffer). The recording keeps a
 *   gap marker of `lag` seconds at the current end instead of invented silence, and the
 *   missing seconds count toward the expected end so later chunks are not late again.
 *
 * The tolerance absorbs network jitter. The price: losses shorter than it go unmarked,
 * and a send delayed by more than it is marked as a (small) gap.
 */
import type { AudioGap } from "@/db/schema";
import { pcmSeconds } from "./wav";

export const GAP_TOLERANCE_SECONDS = 1.5;

export type TimelineState = {
  sampleRate: number;
  startedAt: Date;
  byteLength: number;
  gaps: AudioGap[];
};

export type Placement = { kind: "new"; reason: "first" | "silence" | "sample_rate" } | { kind: "append"; gap: AudioGap | null };

export function missingSeconds(gaps: AudioGap[]): number {
  return gaps.reduce((sum, g) => sum + g.missingSeconds, 0);
}

/** Arrival time at which the next chunk of this recording is expected. */
export function expectedEnd(state: TimelineState): Date {
  const seconds = pcmSeconds(state.byteLength, state.sampleRate) + missingSeconds(state.gaps);
  return new Date(state.startedAt.getTime() + seconds * 1000);
}

export function placeChunk(args: {
  latest: TimelineState | null;
  sampleRate: number;
  receivedAt: Date;
  splitAfterSeconds: number;
}): Placement {
  const { latest, sampleRate, receivedAt, splitAfterSeconds } = args;
  if (!latest) return { kind: "new", reason: "first" };
  if (latest.sampleRate !== sampleRate) return { kind: "new", reason: "sample_rate" };
  const lag = (receivedAt.getTime() - expectedEnd(latest).getTime()) / 1000;
  if (lag > splitAfterSeconds) return { kind: "new", reason: "silence" };
  if (lag <= GAP_TOLERANCE_SECONDS) return { kind: "append", gap: null };
  return {
    kind: "append",
    gap: {
      atByte: latest.byteLength,
      atSeconds: round(pcmSeconds(latest.byteLength, latest.sampleRate), 3),
      missingSeconds: round(lag, 1),
    },
  };
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
