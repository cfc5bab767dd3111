"use client";
/**
 * The current session's lines. Follows new lines while the reader is at the bottom;
 * once they scroll up it stays put and offers "Jump to latest". New lines are announced
 * politely to screen readers (grown lines are not: that would repeat every second).
 */
import { ArrowDown } from "lucide-react";
import { useLayoutEffect, useRef, useState } from "react";
import type { LiveSegmentItem } from "@/lib/api/schemas/live";
import { formatOffset } from "@/lib/format";
import { speakerLabel, speakerStyle } from "@/lib/speakers";

const NEAR_BOTTOM_PX = 48;

export function TranscriptPanel({ lines, announcement }: { lines: LiveSegmentItem[]; announcement: string }) {
  const scroller = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(true);
  const lastText = lines.at(-1)?.text;

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && following) el.scrollTop = el.scrollHeight;
  }, [lines.length, lastText, following]);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    setFollowing(el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX);
  };

  const jump = () => {
    const el = scroller.current;
    if (!el) return;
    el.scrollTo({ top: el.scrollHeight, behavior: "smooth" });
    setFollowing(true);
  };

  return (
    <div className="relative">
      <div
        ref={scroller}
        onScroll={onScroll}
        tabIndex={0}
        role="region"
        aria-label="Live transcript"
        className="h-[min(60vh,34rem)] overflow-y-auto rounded-lg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500"
      >
        <ol className="space-y-3 py-1 pr-2" aria-label="Transcript lines">
          {lines.map((line) => (
            <li key={line.id} data-segment-id={line.id} className="flex gap-3" style={speakerStyle(line)}>
              <span aria-hidden className="mt-1 w-1 shrink-0 self-stretch rounded-full bg-[var(--spk)] dark:bg-[var(--spk-dark)]" />
              <div className="min-w-0 flex-1">
                <div className="flex items-baseline gap-2 text-xs">
                  <span className="font-semibold text-[var(--spk)] dark:text-[var(--spk-dark)]">{speakerLabel(line)}</span>
                  <span className="tabular text-zinc-500 dark:text-zinc-400">{formatOffset(line.start)}</span>
                </div>
                <p className="mt-0.5 leading-relaxed break-words text-zinc-900 dark:text-zinc-100" data-testid="live-line">
                  {line.text}
                </p>
              </div>
            </li>
          ))}
        </ol>
      </div>
      {!following && lines.length > 0 ? (
        <button
          type="button"
          onClick={jump}
          className="absolute bottom-3 left-1/2 inline-flex -translate-x-1/2 items-center gap-1.5 rounded-full bg-accent-600 px-4 py-2 text-sm font-medium text-white shadow-lg hover:bg-accent-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 dark:bg-accent-500 dark:text-zinc-950"
        >
          <ArrowDown aria-hidden className="size-4" />
          Jump to latest
        </button>
      ) : null}
      <div aria-live="polite" aria-atomic="true" className="sr-only">
        {announcement}
      </div>
    </div>
  );
}
