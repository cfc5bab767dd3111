/**
 * Judging live text: keywords, patterns (run in a vm sandbox with a time limit, on top
 * of the restricted syntax trigger-schema.ts enforces, so no pattern can hang ingest)
 * and tone (the AFINN lexicon of the `sentiment` package: local, no network).
 */
import vm from "node:vm";
import Sentiment from "sentiment";

/** Longest text a pattern runs on: segments are short; this bounds the work per segment. */
const maxTextLength = 2_000;
/** Wall-clock limit per match; a pattern that needs more is treated as not matching. */
const matchTimeoutMs = 50;

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The keyword found in `text` (whole words, any case), or null. */
export function matchKeyword(keywords: readonly string[], text: string): string | null {
  for (const keyword of keywords) {
    const re = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegex(keyword)}($|[^\\p{L}\\p{N}])`, "iu");
    if (re.test(text)) return keyword;
  }
  return null;
}

// One shared sandbox: running the match inside vm lets a timeout interrupt it.
let sandbox: vm.Context | undefined;
const matchScript = new vm.Script("(function () { const m = re.exec(text); return m ? m[0] : null; })()");

/** What the pattern matched in `text`, or null (also when it ran out of time). */
export function matchPattern(pattern: string, text: string): string | null {
  sandbox ??= vm.createContext(Object.create(null) as object);
  sandbox.re = new RegExp(pattern, "iu");
  sandbox.text = text.slice(0, maxTextLength);
  try {
    return matchScript.runInContext(sandbox, { timeout: matchTimeoutMs }) as string | null;
  } catch {
    return null;
  } finally {
    sandbox.re = undefined;
    sandbox.text = undefined;
  }
}

const sentiment = new Sentiment();

/** Average AFINN score per word (−5 … 5); 0 for text without words. Local lexicon, no network. */
export function toneOf(text: string): number {
  const result = sentiment.analyze(text.slice(0, 10_000));
  return Number.isFinite(result.comparative) ? result.comparative : 0;
}

