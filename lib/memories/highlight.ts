/**
 * Search snippets without HTML: Postgres' ts_headline marks matches with two control
 * characters (never valid in stored text: they are stripped from the input first), and
 * this turns the result into plain parts that React renders, matches inside <mark>.
 */
export type SnippetPart = { text: string; match: boolean };

/** The delimiters handed to ts_headline (StartSel / StopSel). */
export const MATCH_START = "\u0001";
export const MATCH_STOP = "\u0002";

export function snippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let inMatch = false;
  let current = "";
  const push = () => {
    if (!current) return;
    const last = parts[parts.length - 1];
    if (last && last.match === inMatch) last.text += current;
    else parts.push({ text: current, match: inMatch });
    current = "";
  };
  for (const ch of headline) {
    if (ch === MATCH_START || ch === MATCH_STOP) {
      push();
      inMatch = ch === MATCH_START;
    } else {
      current += ch;
    }
  }
  push();
  return parts;
}

/** Plain overview snippet for the unsearched list: cut at a word boundary. */
export function plainSnippet(text: string, max = 220): SnippetPart[] {
  const clean = text.replace(/\s+/g, " ").trim();
  if (!clean) return [];
  if (clean.length <= max) return [{ text: clean, match: false }];
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return [{ text: `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`, match: false }];
}
