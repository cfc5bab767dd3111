/** Settings → Sample data: what the button sends and where it goes. */
import { SampleDataButton } from "./sample-data-button";

export function SampleDataCard() {
  return (
    // A div, not Card's <section>: Settings already wraps this in the "Sample data" region.
    <div className="rounded-xl border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="sample-data-title" className="text-lg font-semibold tracking-tight">
        Sample data
      </h2>
      <p className="mt-1 mb-4 text-sm text-zinc-600 dark:text-zinc-400">
        See every page fill before touching Omi: one click sends a live transcript, a memory with action items, 10 seconds
        of audio, two day summaries and a button press through your own webhook URLs above, as a uid starting with
        “sample-”. Sending again updates the same memory instead of adding a copy. Each request shows up in{" "}
        <a href="/deliveries" className="font-medium text-accent-700 underline underline-offset-2 dark:text-accent-300">
          Deliveries
        </a>
        .
      </p>
      <SampleDataButton variant="secondary" />
    </div>
  );
}
