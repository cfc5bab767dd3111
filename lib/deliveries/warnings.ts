/**
 * Warnings that explain Omi's behaviour (docs/OMI.md §0, §3, §4), shown on the
 * delivery log where a person wonders why something did or did not arrive.
 */
import type { DeliveryWarning } from "@/lib/api/schemas/deliveries";
import type { WebhookEvent } from "@/lib/constants";

/** Omi turns a Developer Settings webhook off after this many failures in a row. */
export const OMI_AUTO_DISABLE_AFTER = 100;

const eventLabel: Record<WebhookEvent, string> = {
  memory: "Memory",
  realtime: "Real-time transcript",
  audio: "Audio",
  "day-summary": "Day summary",
  button: "Button",
};

export function deliveryWarnings({
  consecutiveFailures,
  storedByEvent,
}: {
  consecutiveFailures: { event: WebhookEvent; count: number }[];
  storedByEvent: Partial<Record<WebhookEvent, number>>;
}): DeliveryWarning[] {
  const warnings: DeliveryWarning[] = [];
  for (const { event, count } of [...consecutiveFailures].sort((a, b) => b.count - a.count)) {
    const left = Math.max(0, OMI_AUTO_DISABLE_AFTER - count);
    warnings.push({
      id: `consecutive-${event}`,
      level: count >= OMI_AUTO_DISABLE_AFTER / 2 ? "danger" : "warning",
      title: `${eventLabel[event]} webhook: ${Math.min(count, OMI_AUTO_DISABLE_AFTER)} of ${OMI_AUTO_DISABLE_AFTER} failures in a row`,
      message:
        left > 0
          ? `Omi turns a Developer Settings webhook off after ${OMI_AUTO_DISABLE_AFTER} failures in a row (one success resets the count). ${left} more and it stops sending. Open a failed delivery below to see why it was refused.`
          : `Omi has probably turned this webhook off. Fix the cause (open a failed delivery below), then switch it on again in the Omi app under Settings → Developer Settings.`,
    });
  }
  if (!storedByEvent["day-summary"]) {
    warnings.push({
      id: "no-day-summary",
      level: "info",
      title: "No day summary yet",
      message:
        "Omi sends a day summary once a day, at the hour you picked, for days with conversations. No day summary arrives without a timezone and a push token in Omi: sign in to the Omi phone app and allow notifications.",
    });
  }
  if (!storedByEvent.audio) {
    warnings.push({
      id: "no-audio",
      level: "info",
      title: "No audio yet",
      message:
        "Audio arrives only while the phone streams: the Omi app must be running with the device connected. It comes as 1-second pieces every few seconds (the number after the comma in Omi's audio webhook field, 5 by default).",
    });
  }
  return warnings;
}
