/** Settings → Sample data: what the button sends and where it goes. */
import { Card, CardDescription, CardTitle } from "./ui/card";
import { SampleDataButton } from "./sample-data-button";

export function SampleDataCard() {
  return (
    // A div, not a <section>: Settings already wraps this in the "Sample data" region.
    <Card as="div">
      <CardTitle id="sample-data-title">Sample data</CardTitle>
      <CardDescription className="mb-4">
        See every page fill before touching Omi: one click sends a live transcript, a memory with action items, 10 seconds of audio, two day
        summaries and a button press through your own webhook URLs above, as a uid starting with “sample-”. Sending again updates the same
        memory instead of adding a copy. Each request shows up in{" "}
        <a href="/deliveries" className="font-medium text-accent-700 underline underline-offset-2 dark:text-accent-300">
          Deliveries
        </a>
        .
      </CardDescription>
      <SampleDataButton variant="secondary" />
    </Card>
  );
}
