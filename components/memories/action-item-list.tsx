"use client";

import { useState } from "react";
import { Checkbox } from "@/components/ui/input";
import { useSetActionItemCompleted } from "@/lib/api/hooks/memories";
import type { ActionItemView } from "@/lib/api/schemas/memories";
import { RelativeTime } from "./relative-time";

/**
 * A checkbox per item that ticks immediately (optimistic) and rolls back with a
 * message when the server refuses.
 */
export function ActionItemCheckbox({ item: initial, onChanged }: { item: ActionItemView; onChanged?: (item: ActionItemView) => void }) {
  const [item, setItem] = useState(initial);
  const [completed, setCompleted] = useState(initial.completed);
  const [error, setError] = useState<string | null>(null);
  const mutation = useSetActionItemCompleted(item.id);
  const tick = (next: boolean) => {
    setError(null);
    setCompleted(next);
    mutation.mutate(next, {
      onError: (err) => {
        setCompleted(!next);
        setError(err.message || "Could not save");
      },
      onSuccess: (saved) => {
        setItem(saved);
        setCompleted(saved.completed);
        onChanged?.(saved);
      },
    });
  };
  const id = `action-item-${item.id}`;
  return (
    <div className="flex items-start gap-3">
      <Checkbox id={id} checked={completed} onChange={(e) => tick(e.target.checked)} className="mt-0.5" />
      <div className="min-w-0">
        <label
          htmlFor={id}
          className={`text-sm ${completed ? "text-zinc-500 line-through dark:text-zinc-500" : "text-zinc-900 dark:text-zinc-100"}`}
        >
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
  const who = change
    ? change.source === "omi"
      ? `${change.completed ? "Completed" : "Reopened"} in Omi`
      : `${change.completed ? "Ticked" : "Unticked"} here`
    : null;
  const note =
    sync?.state === "pending" || sync?.state === "failed"
      ? sync.error
      : change?.source === "hub"
        ? change.note
        : change?.note && change.note !== who
          ? change.note
          : null;
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
