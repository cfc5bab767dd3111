"use client";

/** Settings → delete the account: a dialog that wants the email typed again. */
import { useState, useTransition } from "react";
import { deleteAccountAction } from "@/app/(dashboard)/settings/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { inputClass, sectionText, sectionTitle } from "./styles";

export function DeleteAccountCard({ email }: { email: string }) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const matches = typed.trim().toLowerCase() === email.toLowerCase();
  return (
    <Card aria-labelledby="delete-title" className="border-red-200 dark:border-red-900/60">
      <h2 id="delete-title" className={sectionTitle}>
        Delete account
      </h2>
      <p className={sectionText}>
        Deletes this account and everything it owns: memories, transcripts, audio, summaries, notifications, delivery log, links and tokens.
        This cannot be undone.
      </p>
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
        <label htmlFor="confirm-email" className="mt-3 block text-sm font-medium text-zinc-900 dark:text-zinc-100">
          Your email
        </label>
        <input id="confirm-email" type="email" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} className={`${inputClass} mt-1`} />
        {error ? (
          <p role="alert" className="mt-2 text-red-700 dark:text-red-300">
            {error}
          </p>
        ) : null}
      </ConfirmDialog>
    </Card>
  );
}
