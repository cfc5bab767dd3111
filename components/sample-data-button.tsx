"use client";

/**
 * "Send sample data": sends each part of the sample (live transcript, memory, audio,
 * day summaries, button) through this account's real webhook URLs, one part after
 * another so the progress is real, then refreshes every list on the page.
 */
import { useQueryClient } from "@tanstack/react-query";
import { CheckCircle2, FlaskConical, XCircle } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { sendSamplePart } from "@/lib/api/hooks/deliveries";
import { samplePartNames, type SampleDataResult } from "@/lib/api/schemas/deliveries";

type Part = (typeof samplePartNames)[number];

const partLabels: Record<Part, string> = {
  realtime: "Live transcript (10 segments)",
  memory: "Memory with action items",
  audio: "10 seconds of audio",
  "day-summary": "Two day summaries",
  button: "Button press",
};

const destinations = [
  { href: "/memories", label: "Memories" },
  { href: "/live", label: "Live" },
  { href: "/audio", label: "Audio" },
  { href: "/calendar", label: "Calendar" },
  { href: "/deliveries", label: "Deliveries" },
];

type State =
  | { kind: "idle" }
  | { kind: "sending"; done: SampleDataResult[]; current: Part }
  | { kind: "done"; done: SampleDataResult[] }
  | { kind: "failed"; done: SampleDataResult[]; part: Part; message: string };

export function SampleDataButton({
  variant = "primary",
  showLinks = true,
  centered = false,
}: {
  variant?: "primary" | "secondary";
  showLinks?: boolean;
  /** In a centred empty state: the button centred, the progress list still left-aligned. */
  centered?: boolean;
}) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<State>({ kind: "idle" });

  async function send() {
    const done: SampleDataResult[] = [];
    for (const part of samplePartNames) {
      setState({ kind: "sending", done: [...done], current: part });
      try {
        done.push(await sendSamplePart(part));
      } catch (err) {
        setState({ kind: "failed", done, part, message: err instanceof Error ? err.message : String(err) });
        await queryClient.invalidateQueries();
        return;
      }
    }
    setState({ kind: "done", done });
    await queryClient.invalidateQueries();
  }

  const sending = state.kind === "sending";
  const finished = state.kind === "idle" ? 0 : state.done.length;
  const total = samplePartNames.length;
  const uid = state.kind !== "idle" ? state.done[0]?.uid : undefined;
  const status =
    state.kind === "sending"
      ? `Sending ${partLabels[state.current].toLowerCase()} (${finished + 1} of ${total})…`
      : state.kind === "done"
        ? `Sample data sent${uid ? ` as uid ${uid}` : ""}: ${state.done.reduce((n, r) => n + r.requests.length, 0)} requests through your webhook URLs.`
        : state.kind === "failed"
          ? `Sending ${partLabels[state.part].toLowerCase()} failed: ${state.message}`
          : "";

  return (
    <div className={`w-full max-w-md text-left ${centered ? "mx-auto flex flex-col items-center" : ""}`}>
      <Button variant={variant} onClick={send} disabled={sending} aria-describedby="sample-data-status">
        <FlaskConical className="size-4" aria-hidden />
        {sending ? "Sending sample data…" : state.kind === "done" ? "Send sample data again" : "Send sample data"}
      </Button>
      {state.kind !== "idle" ? (
        <div className="mt-3 w-full">
          <progress
            className="h-2 w-full overflow-hidden rounded-full [&::-moz-progress-bar]:bg-accent-600 [&::-webkit-progress-bar]:bg-zinc-200 [&::-webkit-progress-value]:bg-accent-600 dark:[&::-webkit-progress-bar]:bg-zinc-800"
            max={total}
            value={finished}
            aria-label="Sample data progress"
          />
          <ul className="mt-2 space-y-1 text-sm">
            {samplePartNames.map((part) => {
              const result = state.done.find((r) => r.part === part);
              const failed = state.kind === "failed" && state.part === part;
              return (
                <li key={part} className="flex items-center gap-2">
                  {result?.ok ? (
                    <CheckCircle2 className="size-4 text-emerald-600 dark:text-emerald-400" aria-hidden />
                  ) : result || failed ? (
                    <XCircle className="size-4 text-red-600 dark:text-red-400" aria-hidden />
                  ) : (
                    <span className="inline-block size-4 rounded-full border border-zinc-300 dark:border-zinc-600" aria-hidden />
                  )}
                  <span className={result ? "" : "text-zinc-500 dark:text-zinc-400"}>{partLabels[part]}</span>
                  {result && !result.ok ? (
                    <span className="text-red-700 dark:text-red-300">
                      (answered{" "}
                      {result.requests
                        .filter((r) => r.status >= 300 || r.status < 200)
                        .map((r) => r.status)
                        .join(", ")}
                      )
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      <p
        id="sample-data-status"
        role="status"
        aria-live="polite"
        className="mt-2 w-full text-sm text-zinc-600 empty:hidden dark:text-zinc-400"
      >
        {status}
      </p>
      {state.kind === "done" && showLinks ? (
        <p className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-sm">
          <span className="text-zinc-600 dark:text-zinc-400">Look at:</span>
          {destinations.map((d) => (
            <Link key={d.href} href={d.href} className="font-medium text-accent-700 underline underline-offset-2 dark:text-accent-300">
              {d.label}
            </Link>
          ))}
        </p>
      ) : null}
    </div>
  );
}
