"use client";

/** Compose and send one notification now, to a uid this account has verified. */
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { Input, Select, Textarea } from "@/components/ui/input";
import { ErrorState, Skeleton } from "@/components/ui/states";
import { useNotificationSettings, useSendNotification } from "@/lib/api/hooks/notifications";
import { maxMessageLength } from "@/lib/api/schemas/notifications";

const types = [
  ["custom", "Custom"],
  ["reminder", "Reminder"],
  ["trigger_event", "Trigger event"],
  ["memory", "Memory"],
  ["transcript", "Transcript"],
  ["day_summary", "Day summary"],
] as const;

const statusWords = {
  sent: "Sent: Omi accepted it.",
  queued: "Queued: Omi did not answer yet; it is being retried.",
  held: "Held back by a limit; the log says why and when it goes.",
  failed: "Failed: the log has Omi's answer.",
} as const;

export function ComposeCard() {
  const settings = useNotificationSettings();
  const [uid, setUid] = useState("");
  const [type, setType] = useState<(typeof types)[number][0]>("custom");
  const [message, setMessage] = useState("");
  const [deepLink, setDeepLink] = useState("");
  const send = useSendNotification();

  const uids = settings.data?.uids ?? [];
  const target = uid || uids[0]?.uid || "";
  return (
    <Card aria-labelledby="compose-title">
      <CardTitle id="compose-title">Send one now</CardTitle>
      <CardDescription>Goes to the phone as &ldquo;&lt;App name&gt; says …&rdquo;, within Omi&rsquo;s limits.</CardDescription>
      {settings.isPending ? (
        <div role="status" aria-label="Loading" className="mt-4 space-y-3">
          <Skeleton className="h-10" />
          <Skeleton className="h-24" />
        </div>
      ) : settings.isError ? (
        <div className="mt-4">
          <ErrorState message={settings.error.message} onRetry={() => settings.refetch()} />
        </div>
      ) : uids.length === 0 ? (
        <p className="mt-4 rounded-lg bg-zinc-50 p-3 text-sm text-zinc-700 dark:bg-zinc-800/60 dark:text-zinc-300">
          Notifications, by hand or from rules, go only to an Omi account you have linked and verified (data sent to your webhook URLs does
          not prove whose phone it came from). Open the app&rsquo;s Auth URL from Omi, or see{" "}
          <Link href="/settings" className="font-medium text-accent-700 underline dark:text-accent-300">
            Settings
          </Link>
          .
        </p>
      ) : (
        <form
          className="mt-4 space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            send.mutate(
              { user_id: target, type, message, ...(deepLink.trim() ? { data: { deep_link: deepLink.trim() } } : {}) },
              { onSuccess: (answer) => answer.status === "sent" && setMessage("") },
            );
          }}
        >
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label="Omi account">
              {(field) => (
                <Select {...field} value={target} onChange={(e) => setUid(e.target.value)}>
                  {uids.map((u) => (
                    <option key={u.uid} value={u.uid}>
                      {u.nickname ? `${u.nickname} (${u.uid.slice(0, 6)}…)` : u.uid}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label="Type">
              {(field) => (
                <Select {...field} value={type} onChange={(e) => setType(e.target.value as typeof type)}>
                  {types.map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          </div>
          <Field
            label="Message"
            describedBy="compose-count"
            aside={
              <span
                id="compose-count"
                className={`tabular text-xs ${message.length > maxMessageLength ? "text-red-700 dark:text-red-300" : "text-zinc-500"}`}
              >
                {message.length}/{maxMessageLength}
              </span>
            }
          >
            {(field) => (
              <Textarea
                {...field}
                className="min-h-24"
                value={message}
                maxLength={maxMessageLength}
                onChange={(e) => setMessage(e.target.value)}
                required
              />
            )}
          </Field>
          <Field
            label={
              <>
                Link to a page here <span className="font-normal text-zinc-500">(optional)</span>
              </>
            }
            hint="A path in this app; its full address is added at the end of the message."
          >
            {(field) => <Input {...field} value={deepLink} placeholder="/memories/abc123" onChange={(e) => setDeepLink(e.target.value)} />}
          </Field>
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={!message.trim() || send.isPending}>
              {send.isPending ? "Sending…" : "Send now"}
            </Button>
            {send.isSuccess ? (
              <p role="status" className="text-sm text-zinc-700 dark:text-zinc-300">
                {statusWords[send.data.status]}
              </p>
            ) : null}
            <FormStatus error={send.error?.message} inline />
          </div>
        </form>
      )}
    </Card>
  );
}
