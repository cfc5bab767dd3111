"use client";

/**
 * Replays deliveries one after another (never a burst at our own ingest), keeping a
 * tally for the progress bar and the live status line.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { deliveryKeys, replayDelivery } from "@/lib/api/hooks/deliveries";

export type ReplayProgress = { total: number; done: number; ok: number; failed: number; errors: string[]; running: boolean };

const idle: ReplayProgress = { total: 0, done: 0, ok: 0, failed: 0, errors: [], running: false };

export function useReplayMany() {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<ReplayProgress>(idle);
  const cancelled = useRef(false);

  async function run(ids: string[]) {
    cancelled.current = false;
    const p: ReplayProgress = { ...idle, total: ids.length, running: true };
    setProgress({ ...p });
    for (const id of ids) {
      if (cancelled.current) break;
      try {
        const { delivery } = await replayDelivery(id);
        if (delivery.status >= 200 && delivery.status < 300) p.ok++;
        else p.failed++;
      } catch (err) {
        p.failed++;
        p.errors.push(err instanceof Error ? err.message : String(err));
      }
      p.done++;
      setProgress({ ...p, errors: [...p.errors] });
    }
    setProgress({ ...p, errors: [...p.errors], running: false });
    await queryClient.invalidateQueries({ queryKey: deliveryKeys.all });
  }

  return { progress, run, cancel: () => (cancelled.current = true), reset: () => setProgress(idle) };
}
