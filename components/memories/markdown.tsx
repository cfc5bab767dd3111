import ReactMarkdown from "react-markdown";

/**
 * Omi's section markdown. No raw HTML (react-markdown escapes it; rehype-raw is never
 * added) and unsafe URLs are dropped by its default urlTransform; links leave the app
 * with rel=noopener nofollow.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="space-y-2 text-sm leading-relaxed text-zinc-800 dark:text-zinc-200 [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5 [&_strong]:font-semibold [&_code]:rounded [&_code]:bg-zinc-100 [&_code]:px-1 dark:[&_code]:bg-zinc-800">
      <ReactMarkdown
        skipHtml
        components={{
          a: ({ href, children: text }) => (
            <a
              href={href}
              rel="noopener nofollow noreferrer"
              target="_blank"
              className="text-accent-700 underline underline-offset-2 dark:text-accent-300"
            >
              {text}
            </a>
          ),
          img: ({ alt }) => <span>{alt ? `[image: ${alt}]` : "[image]"}</span>,
        }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
