"use client";
import type { ConnectionState } from "./use-live-transcript";

const look: Record<ConnectionState, { text: string; dot: string; ring: string }> = {
  connecting: { text: "Connecting…", dot: "bg-zinc-400 animate-pulse", ring: "border-zinc-300 dark:border-zinc-700" },
  connected: { text: "Connected", dot: "bg-emerald-500", ring: "border-emerald-300 dark:border-emerald-800" },
  reconnecting: { text: "Reconnecting…", dot: "bg-amber-500 animate-pulse", ring: "border-amber-300 dark:border-amber-800" },
  disconnected: { text: "Disconnected", dot: "bg-red-500", ring: "border-red-300 dark:border-red-800" },
};

/** The stream's state in words and colour (never colour alone). */
export function ConnectionBadge({ state, onReconnect }: { state: ConnectionState; onReconnect: () => void }) {
  const l = look[state];
  return (
    <div className="flex items-center gap-2">
      <span
        role="status"
        aria-label={`Live connection: ${l.text}`}
        className={`inline-flex items-center gap-2 rounded-full border bg-white px-3 py-1 text-sm font-medium dark:bg-zinc-900 ${l.ring}`}
      >
        <span aria-hidden className={`size-2 rounded-full ${l.dot}`} />
        {l.text}
      </span>
      {state === "disconnected" ? (
        <button
          type="button"
          onClick={onReconnect}
          className="rounded-lg px-2 py-1 text-sm font-medium text-accent-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-accent-500 dark:text-accent-300"
        >
          Reconnect now
        </button>
      ) : null}
    </div>
  );
}
