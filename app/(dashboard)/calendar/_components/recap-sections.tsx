/**
 * One section of a recap each. They are only ever given a non-empty list (the view
 * model leaves empty sections out), so none of them draws an empty box.
 */
import { CheckCircle2, Circle, ExternalLink, MapPin } from "lucide-react";
import Link from "next/link";
import type { LinkedMemory } from "@/lib/day-summaries/queries";
import {
  formatCoordinates,
  mapUrl,
  type Decision,
  type Highlight,
  type Location,
  type MemoryLearned,
  type Nugget,
  type Question,
  type RecapActionItem,
} from "@/lib/day-summaries/view-model";

export type MemoryLinks = Record<string, LinkedMemory>;

function MemoryLink({ memory }: { memory: LinkedMemory }) {
  return (
    <Link
      href={`/memories/${memory.id}`}
      className="inline-flex max-w-full items-center gap-1 rounded-full border border-zinc-200 bg-zinc-50 px-2 py-0.5 text-xs font-medium text-accent-700 hover:bg-accent-50 dark:border-zinc-700 dark:bg-zinc-800 dark:text-accent-300 dark:hover:bg-zinc-700"
    >
      <span aria-hidden>{memory.emoji}</span>
      <span className="min-w-0 truncate">{memory.title || "Conversation"}</span>
    </Link>
  );
}

/** Links to the conversations we have; a quiet count of those Omi mentions that never reached us. */
function Sources({ ids, memories }: { ids: (string | null)[]; memories: MemoryLinks }) {
  const known = ids.filter((id): id is string => !!id && !!memories[id]);
  const unknown = ids.filter((id) => id && !memories[id]).length;
  if (known.length === 0 && unknown === 0) return null;
  return (
    <div className="mt-1.5 flex max-w-full min-w-0 flex-wrap items-center gap-1.5">
      {known.map((id) => (
        <MemoryLink key={id} memory={memories[id]!} />
      ))}
      {unknown > 0 ? (
        <span className="text-xs text-zinc-500 dark:text-zinc-400">
          {known.length > 0 ? "+ " : "From "}
          {unknown === 1 ? "1 conversation" : `${unknown} conversations`} not stored here
        </span>
      ) : null}
    </div>
  );
}

const listClass = "divide-y divide-zinc-100 dark:divide-zinc-800";
const itemClass = "py-3 first:pt-0 last:pb-0";

export function HighlightsList({ items, memories }: { items: Highlight[]; memories: MemoryLinks }) {
  return (
    <ul className={listClass}>
      {items.map((h, i) => (
        <li key={i} className={`${itemClass} flex gap-3`}>
          <span aria-hidden className="text-xl leading-6">
            {h.emoji ?? "✨"}
          </span>
          <div className="min-w-0">
            <p className="font-medium">{h.topic}</p>
            {h.summary ? <p className="mt-0.5 text-sm text-zinc-700 dark:text-zinc-300">{h.summary}</p> : null}
            <Sources ids={h.conversationIds} memories={memories} />
          </div>
        </li>
      ))}
    </ul>
  );
}

const priorityClass: Record<string, string> = {
  high: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
  medium: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200",
  low: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
};

export function ActionItemsList({ items, memories }: { items: RecapActionItem[]; memories: MemoryLinks }) {
  return (
    <ul className={listClass}>
      {items.map((a, i) => (
        <li key={i} className={`${itemClass} flex gap-3`}>
          {a.completed ? (
            <CheckCircle2 className="mt-0.5 size-5 shrink-0 text-emerald-600 dark:text-emerald-400" aria-label="Done" />
          ) : (
            <Circle className="mt-0.5 size-5 shrink-0 text-zinc-400" aria-label="Open" />
          )}
          <div className="min-w-0 flex-1">
            <p className={a.completed ? "text-zinc-500 line-through dark:text-zinc-400" : ""}>{a.description}</p>
            <div className="flex flex-wrap items-center gap-2">
              {a.priority ? (
                <span
                  className={`mt-1.5 rounded-full px-2 py-0.5 text-[11px] font-medium ${priorityClass[a.priority.toLowerCase()] ?? priorityClass.low}`}
                >
                  {a.priority} priority
                </span>
              ) : null}
              <Sources ids={[a.conversationId]} memories={memories} />
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}

export function TextList({ items, memories }: { items: (Question | Decision | Nugget)[]; memories: MemoryLinks }) {
  return (
    <ul className={listClass}>
      {items.map((item, i) => (
        <li key={i} className={itemClass}>
          <p>{"question" in item ? item.question : "decision" in item ? item.decision : item.insight}</p>
          {item.conversationId && memories[item.conversationId] ? <Sources ids={[item.conversationId]} memories={memories} /> : null}
        </li>
      ))}
    </ul>
  );
}

export function MemoriesLearnedList({ items }: { items: MemoryLearned[] }) {
  return (
    <ul className={listClass}>
      {items.map((m, i) => (
        <li key={i} className={`${itemClass} flex flex-wrap items-baseline justify-between gap-2`}>
          <p className="min-w-0 flex-1">{m.content}</p>
          {m.category ? (
            <span className="rounded-full bg-accent-50 px-2 py-0.5 text-[11px] font-medium text-accent-800 dark:bg-accent-900/50 dark:text-accent-200">
              {m.category}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function LocationsList({ items, memories }: { items: Location[]; memories: MemoryLinks }) {
  return (
    <ul className={listClass}>
      {items.map((l, i) => {
        const url = mapUrl(l);
        const place = l.address ?? (l.latitude !== null && l.longitude !== null ? formatCoordinates(l.latitude, l.longitude) : "");
        return (
          <li key={i} className={`${itemClass} flex gap-3`}>
            <span className="tabular w-12 shrink-0 pt-0.5 text-sm text-zinc-500 dark:text-zinc-400">
              {l.time ? <time>{l.time}</time> : <span aria-label="time not known">–</span>}
            </span>
            <MapPin className="mt-0.5 size-4 shrink-0 text-zinc-400" aria-hidden />
            <div className="min-w-0 flex-1">
              <p className={l.address ? "" : "tabular font-mono text-sm"}>{place}</p>
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                {url ? (
                  <a
                    href={url}
                    target="_blank"
                    rel="noopener noreferrer"
                    className="mt-1 inline-flex items-center gap-1 text-sm font-medium text-accent-700 hover:underline dark:text-accent-300"
                  >
                    Open map
                    <ExternalLink className="size-3.5" aria-hidden />
                    <span className="text-xs font-normal text-zinc-500 dark:text-zinc-400">(new tab)</span>
                  </a>
                ) : null}
                {l.conversationId && memories[l.conversationId] ? <Sources ids={[l.conversationId]} memories={memories} /> : null}
              </div>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
