import type { SnippetPart } from "@/lib/memories/highlight";

/** Search snippet: plain text parts, the matched words in <mark>. Never HTML from the server. */
export function Snippet({ parts, className = "" }: { parts: SnippetPart[]; className?: string }) {
  if (parts.length === 0) return null;
  return (
    <p className={className}>
      {parts.map((p, i) =>
        p.match ? (
          <mark key={i} className="rounded bg-amber-200/80 px-0.5 text-inherit dark:bg-amber-400/30">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </p>
  );
}
