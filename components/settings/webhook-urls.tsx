"use client";

/** Settings → webhook URLs: ready to paste into Omi's Developer Settings, with the field each goes in. */
import { AlertTriangle } from "lucide-react";
import NextLink from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { FormStatus } from "@/components/ui/form-status";
import { ErrorState, ListSkeleton } from "@/components/ui/states";
import { useRegenerateWebhookToken, useWebhookUrls } from "@/lib/api/hooks/account";
import type { WebhookUrls } from "@/lib/api/schemas/account";

const fields: { event: keyof WebhookUrls["urls"]; omiField: string; note?: string }[] = [
  { event: "memory", omiField: "Conversation / memory created" },
  { event: "realtime", omiField: "Real-time transcript" },
  { event: "audio", omiField: "Audio bytes", note: "Add ,5 at the end to choose how often audio is sent (seconds)." },
  { event: "day-summary", omiField: "Day summary" },
  { event: "button", omiField: "Button event (if your Omi app shows it)" },
];

export function WebhookUrlsCard({ reachable }: { reachable: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const query = useWebhookUrls();
  const regenerate = useRegenerateWebhookToken();
  return (
    <Card aria-labelledby="webhooks-title">
      <CardTitle id="webhooks-title">Webhook URLs</CardTitle>
      <CardDescription>
        Paste each into the Omi app: Settings → Developer Settings. They contain your secret token, so keep them private. Data sent to them
        belongs to this account, no link needed.
      </CardDescription>
      {!reachable ? (
        <p className="mt-3 flex gap-2 rounded-lg bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
          <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>
            Omi cannot reach this address: it refuses localhost, private addresses and plain http. Open a public HTTPS tunnel and set
            APP_URL, as{" "}
            <NextLink href="/setup#before" className="font-medium underline">
              the setup guide shows
            </NextLink>
            .
          </span>
        </p>
      ) : null}
      <div className="mt-4">
        {query.isPending ? (
          <ListSkeleton rows={2} label="Loading webhook URLs" />
        ) : query.isError ? (
          <ErrorState message={query.error.message} onRetry={() => query.refetch()} />
        ) : (
          <dl className="space-y-3">
            {fields.map(({ event, omiField, note }) => (
              <div key={event}>
                <dt className="text-sm font-medium">{omiField}</dt>
                <dd className="mt-1 flex items-center gap-2">
                  <code
                    className="min-w-0 flex-1 truncate rounded-md bg-zinc-100 px-2 py-1.5 font-mono text-xs dark:bg-zinc-800"
                    title={query.data.urls[event]}
                  >
                    {query.data.urls[event]}
                  </code>
                  <CopyButton value={query.data.urls[event] ?? ""} label={`Copy the ${omiField} URL`} />
                </dd>
                {note ? <dd className="mt-1 text-xs text-zinc-500">{note}</dd> : null}
              </div>
            ))}
          </dl>
        )}
      </div>
      <div className="mt-4">
        <Button variant="secondary" size="sm" onClick={() => setConfirming(true)} disabled={!query.data}>
          Regenerate token
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        title="Regenerate the webhook token?"
        confirmLabel="Regenerate"
        danger
        busy={regenerate.isPending}
        onConfirm={() => regenerate.mutate(undefined, { onSuccess: () => setConfirming(false) })}
        onClose={() => setConfirming(false)}
      >
        <p>The current URLs stop working at once. You will need to paste the new ones into the Omi app.</p>
        <FormStatus error={regenerate.error?.message} />
      </ConfirmDialog>
    </Card>
  );
}
