"use client";

import { Trash2 } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { useDeleteRecording } from "@/lib/api/hooks/recordings";

/** Delete with an inline confirmation; focus moves to the confirm button. */
export function DeleteRecording({ id, onDeleted }: { id: string; onDeleted: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteRecording(id, { onDeleted });
  if (!confirming) {
    return (
      <Button variant="ghost" size="sm" onClick={() => setConfirming(true)}>
        <Trash2 className="size-4" aria-hidden />
        Delete
      </Button>
    );
  }
  return (
    <div role="group" aria-label="Confirm deletion" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-zinc-700 dark:text-zinc-300">Delete this recording for good?</span>
      <Button variant="danger" size="sm" autoFocus disabled={remove.isPending} onClick={() => remove.mutate()}>
        {remove.isPending ? "Deleting…" : "Delete recording"}
      </Button>
      <Button variant="secondary" size="sm" onClick={() => setConfirming(false)}>
        Cancel
      </Button>
      <FormStatus error={remove.error && `Not deleted: ${remove.error.message}`} inline className="w-full empty:hidden" />
    </div>
  );
}
