"use client";

/** Settings → delete the account: a dialog that wants the email typed again. */
import { useState, useTransition } from "react";
import { deleteAccountAction } from "@/app/(dashboard)/settings/actions";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export function DeleteAccountCard({ email }: { email: string }) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const matches = typed.trim().toLowerCase() === email.toLowerCase();
  return (
    <Card aria-labelledby="delete-title" className="border-red-200 dark:border-red-900/60">
      <CardTitle id="delete-title">Delete account</CardTitle>
      <CardDescription>
        Deletes this account and everything it owns: memories, transcripts, audio, summaries, notifications, delivery log, links and tokens.
        This cannot be undone.
      </CardDescription>
      <div className="mt-4">
        <Button variant="danger" onClick={() => setOpen(true)}>
          Delete account…
        </Button>
      </div>
      <ConfirmDialog
        open={open}
        title="Delete your account?"
        confirmLabel={pending ? "Deleting…" : "Delete everything"}
        danger
        busy={pending}
        canConfirm={matches}
        onConfirm={() =>
          startTransition(async () => {
            setError(null);
            const result = await deleteAccountAction(typed);
            if (result?.error) setError(result.error);
          })
        }
        onClose={() => {
          setOpen(false);
          setTyped("");
        }}
      >
        <p>
          Type <strong className="break-all text-zinc-900 dark:text-zinc-100">{email}</strong> to confirm.
        </p>
        <Field label="Your email" className="mt-3" labelClassName="text-zinc-900 dark:text-zinc-100" error={error}>
          {(field) => <Input {...field} type="email" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />}
        </Field>
      </ConfirmDialog>
    </Card>
  );
}
