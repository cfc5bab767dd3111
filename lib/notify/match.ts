/**
 * Judging live text: keywords, patterns and tone (the AFINN lexicon of the `sentiment`
 * package: local, no network).
 *
 * Patterns run on RE2 (re2js: pure JavaScript, no native build, runs on Vercel). RE2 has
 * no backtracking, so a match takes time linear in the text for every pattern: no pattern
 * can stall the server. What stays proportional to the pattern is its compiled size, which
 * is capped, and the text, which is bounded here and per delivery (lib/notify/engine.ts).
 * Server only: re2js is ~150 kB, so the rules form leaves the syntax check to the API.
 */
import { RE2JS } from "re2js";
import Sentiment from "sentiment";
import { AppError } from "@/lib/api/errors";

export const patternLimits = {
  /** Characters of one segment a pattern reads. */
  textPerSegment: 2_000,
  /** Characters of one delivery a pattern reads, all segments together. */
  textPerDelivery: 10_000,
  /** Compiled size (RE2 instructions): `\w{1000}` is ~1,000, a typical pattern under 50. */
  maxProgramSize: 300,
} as const;

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The keyword found in `text` (whole words, any case), or null. */
export function matchKeyword(keywords: readonly string[], text: string): string | null {
  for (const keyword of keywords) {
    const re = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegex(keyword)}($|[^\\p{L}\\p{N}])`, "iu");
    if (re.test(text)) return keyword;
  }
  return null;
}

// Compiled patterns, reused across deliveries (a rule's pattern rarely changes). Bounded.
const compiled = new Map<string, RE2JS | { problem: string }>();
const maxCached = 1_000;

function compile(pattern: string): RE2JS | { problem: string } {
  const cached = compiled.get(pattern);
  if (cached) return cached;
  let result: RE2JS | { problem: string };
  try {
    const re = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
    const size = re.programSize();
    result =
      size > patternLimits.maxProgramSize
        ? { problem: `it is too complex (${size} steps; at most ${patternLimits.maxProgramSize}): use smaller {n,m} counts` }
        : re;
  } catch (err) {
    // RE2's messages name the part it refused, e.g. "invalid or unsupported Perl syntax: `(?=`".
    const message = err instanceof Error ? err.message.replace(/^error parsing regexp: /, "") : String(err);
    result = { problem: `not valid RE2 syntax (${message})` };
  }
  if (compiled.size >= maxCached) compiled.delete(compiled.keys().next().value!);
  compiled.set(pattern, result);
  return result;
}

/** Why a pattern is refused, or null when RE2 accepts it within the size limit. */
export function patternProblem(pattern: string): string | null {
  const result = compile(pattern);
  return result instanceof RE2JS ? null : result.problem;
}

/**
 * Refuses a regex trigger whose pattern RE2 refuses: 422 naming the field, in the same
 * words as the other rule checks. Called wherever a rule is saved or tested.
 */
export function assertPatternAccepted(trigger: { kind: string; pattern?: string }, path = "trigger.pattern"): void {
  if (trigger.kind !== "regex" || trigger.pattern === undefined) return;
  const problem = patternProblem(trigger.pattern);
  if (!problem) return;
  const message = `The pattern is refused: ${problem}`;
  throw new AppError("validation_failed", `Body is invalid: ${path}: ${message}`, [{ path, message }]);
}

/** What the pattern matched in `text` (any case), or null; a refused pattern matches nothing. */
export function matchPattern(pattern: string, text: string): string | null {
  const re = compile(pattern);
  if (!(re instanceof RE2JS)) return null;
  const matcher = re.matcher(text.slice(0, patternLimits.textPerSegment));
  return matcher.find() ? matcher.group() : null;
}

const sentiment = new Sentiment();

/** Average AFINN score per word (−5 … 5); 0 for text without words. Local lexicon, no network. */
export function toneOf(text: string): number {
  const result = sentiment.analyze(text.slice(0, 10_000));
  return Number.isFinite(result.comparative) ? result.comparative : 0;
}
