"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { fetchJson } from "@/lib/api/client";
import { RelativeTime } from "./relative-time";
import { actionItemSchema, type ActionItemView } from "@/lib/api/schemas/memories";

/** PATCH the tick; shared by the memory page and /action-items. */
export function patchActionItem(id: string, completed: boolean) {
  return fetchJson(`/api/v1/action-items/${encodeURIComponent(id)}`, actionItemSchema, {
    method: "PATCH",
    body: JSON.stringify({ completed }),
  });
}

/**
 * A checkbox per item that ticks immediately (optimistic) and rolls back with a
 * message when the server refuses.
 */
export function ActionItemCheckbox({ item: initial, onChanged }: { item: ActionItemView; onChanged?: (item: ActionItemView) => void }) {
  const [item, setItem] = useState(initial);
  const [completed, setCompleted] = useState(initial.completed);
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (next: boolean) => patchActionItem(item.id, next),
    onMutate: (next) => {
      setError(null);
      setCompleted(next);
    },
    onError: (err, next) => {
      setCompleted(!next);
      setError(err instanceof Error ? err.message : "Could not save");
    },
    onSuccess: (saved) => {
      setItem(saved);
      setCompleted(saved.completed);
      onChanged?.(saved);
      void queryClient.invalidateQueries({ queryKey: ["action-items"] });
    },
  });
  const id = `action-item-${item.id}`;
  return (
    <div className="flex items-start gap-3">
      <input
        id={id}
        type="checkbox"
        checked={completed}
        onChange={(e) => mutation.mutate(e.target.checked)}
        className="mt-0.5 size-4 shrink-0 rounded border-zinc-300 accent-accent-600"
      />
      <div className="min-w-0">
        <label htmlFor={id} className={`text-sm ${completed ? "text-zinc-500 line-through dark:text-zinc-500" : "text-zinc-900 dark:text-zinc-100"}`}>
          {item.description}
        </label>
        {!item.present ? <p className="text-xs text-zinc-500">No longer listed by Omi</p> : null}
        <ItemHistoryLine item={item} />
        {error ? (
          <p role="alert" className="text-xs text-red-700 dark:text-red-300">
            Not saved: {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}

export function ActionItemList({ items }: { items: ActionItemView[] }) {
  if (items.length === 0) return <p className="text-sm text-zinc-500">Omi found no action items in this conversation.</p>;
  return (
    <ul className="space-y-3">
      {items.map((item) => (
        <li key={item.id}>
          <ActionItemCheckbox item={item} />
        </li>
      ))}
    </ul>
  );
}

/** The latest change of the item (here or in Omi) and where a tick made here stands with Omi. */
function ItemHistoryLine({ item }: { item: ActionItemView }) {
  const change = item.lastChange;
  const sync = item.omiSync;
  if (!change && !sync) return null;
  const who = change ? (change.source === "omi" ? `${change.completed ? "Completed" : "Reopened"} in Omi` : `${change.completed ? "Ticked" : "Unticked"} here`) : null;
  const note = sync?.state === "pending" || sync?.state === "failed" ? sync.error : change?.source === "hub" ? change.note : change?.note && change.note !== who ? change.note : null;
  return (
    <p className={`text-xs ${sync?.state === "failed" ? "text-amber-700 dark:text-amber-300" : "text-zinc-500"}`}>
      {who}
      {change ? (
        <>
          {" "}
          <RelativeTime iso={change.at} />
        </>
      ) : null}
      {note ? ` · ${note}` : null}
    </p>
  );
}
