/**
 * A parser for Python literals: what `str()` / `repr()` of a dict prints. Legacy Omi
 * day-summary webhooks send the summary only as that string (docs/OMI.md §4):
 * single quotes, "…" when the text holds a ', \' when it holds both, True/False/None,
 * raw emoji and accents. It is not JSON, and no regex trick turns it into JSON safely
 * (a word like None inside a string must stay text), so this is a real tokenizer and
 * recursive-descent parser, equivalent to `ast.literal_eval` for the literal subset:
 * str (with prefixes r/u), int, float, True/False/None, list, tuple, dict, set.
 *
 * Dict keys become JS object keys (strings); tuples and sets become arrays.
 */

export type PyValue = string | number | boolean | null | PyValue[] | { [key: string]: PyValue };

export class PythonLiteralError extends Error {
  override name = "PythonLiteralError";
  constructor(
    message: string,
    public readonly position: number,
  ) {
    super(`${message} at position ${position}`);
  }
}

/** Parses one Python literal; throws PythonLiteralError naming the position on anything else. */
export function parsePythonLiteral(source: string): PyValue {
  const parser = new Parser(source);
  parser.skipSpace();
  const value = parser.value(0);
  parser.skipSpace();
  if (!parser.atEnd()) throw parser.fail("Unexpected text after the value");
  return value;
}

const MAX_DEPTH = 200;

const simpleEscapes: Record<string, string> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
};

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  atEnd(): boolean {
    return this.pos >= this.src.length;
  }

  fail(message: string): PythonLiteralError {
    return new PythonLiteralError(message, this.pos);
  }

  skipSpace(): void {
    while (this.pos < this.src.length) {
      const c = this.src[this.pos]!;
      if (c === " " || c === "\t" || c === "\n" || c === "\r") this.pos++;
      else if (c === "\\" && this.src[this.pos + 1] === "\n")
        this.pos += 2; // line continuation
      else break;
    }
  }

  value(depth: number): PyValue {
    if (depth > MAX_DEPTH) throw this.fail("Nested too deeply");
    this.skipSpace();
    const c = this.src[this.pos];
    if (c === undefined) throw this.fail("Unexpected end of input");
    if (c === "{") return this.dictOrSet(depth);
    if (c === "[") return this.sequence("[", "]", depth);
    if (c === "(") return this.sequence("(", ")", depth);
    if (c === "'" || c === '"') return this.strings();
    if (/[rRuU]/.test(c) && (this.src[this.pos + 1] === "'" || this.src[this.pos + 1] === '"')) return this.strings();
    if (c === "-" || c === "+" || c === "." || (c >= "0" && c <= "9")) return this.number();
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.src.slice(this.pos))?.[0];
    if (word === "True" || word === "False" || word === "None") {
      this.pos += word.length;
      return word === "True" ? true : word === "False" ? false : null;
    }
    throw this.fail(word ? `Unsupported name "${word}" (only True, False and None are literals)` : `Unexpected character "${c}"`);
  }

  /** Adjacent string literals concatenate, as in Python. */
  private strings(): string {
    let out = this.string();
    for (;;) {
      const save = this.pos;
      this.skipSpace();
      const c = this.src[this.pos];
      const next = this.src[this.pos + 1];
      if (c === "'" || c === '"' || (c !== undefined && /[rRuU]/.test(c) && (next === "'" || next === '"'))) out += this.string();
      else {
        this.pos = save;
        return out;
      }
    }
  }

  private string(): string {
    let raw = false;
    const prefix = this.src[this.pos]!;
    if (/[rRuU]/.test(prefix)) {
      raw = prefix === "r" || prefix === "R";
      this.pos++;
    }
    const quote = this.src[this.pos]!;
    const triple = this.src.startsWith(quote.repeat(3), this.pos);
    const close = triple ? quote.repeat(3) : quote;
    this.pos += close.length;
    let out = "";
    for (;;) {
      if (this.atEnd()) throw this.fail("Unterminated string");
      if (this.src.startsWith(close, this.pos)) {
        this.pos += close.length;
        return out;
      }
      const c = this.src[this.pos]!;
      if (!triple && c === "\n") throw this.fail("Line break inside a string");
      if (c !== "\\") {
        out += c;
        this.pos++;
        continue;
      }
      const e = this.src[this.pos + 1];
      if (e === undefined) throw this.fail("Unterminated string");
      if (raw) {
        // A raw string keeps the backslash; it still cannot end on an escaped quote.
        out += c + e;
        this.pos += 2;
        continue;
      }
      this.pos += 2;
      if (e in simpleEscapes) out += simpleEscapes[e];
      else if (e === "\n") continue;
      else if (e === "x") out += this.hexEscape(2);
      else if (e === "u") out += this.hexEscape(4);
      else if (e === "U") out += this.hexEscape(8);
      else if (e >= "0" && e <= "7") {
        let digits = e;
        while (digits.length < 3 && /[0-7]/.test(this.src[this.pos] ?? "")) digits += this.src[this.pos++];
        out += String.fromCodePoint(parseInt(digits, 8));
      } else if (e === "N") throw this.fail("Named unicode escapes (\\N{…}) are not supported");
      // Python keeps unknown escapes as written.
      else out += "\\" + e;
    }
  }

  private hexEscape(length: number): string {
    const digits = this.src.slice(this.pos, this.pos + length);
    if (digits.length !== length || !/^[0-9a-fA-F]+$/.test(digits)) throw this.fail(`Bad \\x/\\u escape, expected ${length} hex digits`);
    const code = parseInt(digits, 16);
    if (code > 0x10ffff) throw this.fail("Escape beyond the last unicode code point");
    this.pos += length;
    return String.fromCodePoint(code);
  }

  private number(): number {
    const match = /^[+-]?(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*)?\.?[\d_]*(?:[eE][+-]?\d[\d_]*)?)/.exec(
      this.src.slice(this.pos),
    );
    const text = match?.[0] ?? "";
    if (!/\d/.test(text)) throw this.fail("Bad number");
    this.pos += text.length;
    if (/^[a-zA-Z_]/.test(this.src[this.pos] ?? "")) throw this.fail("Bad number"); // e.g. 12abc, 1j
    const clean = text.replace(/_/g, "");
    const sign = clean.startsWith("-") ? -1 : 1;
    const body = clean.replace(/^[+-]/, "");
    if (/^0[xX]/.test(body)) return sign * parseInt(body.slice(2), 16);
    if (/^0[oO]/.test(body)) return sign * parseInt(body.slice(2), 8);
    if (/^0[bB]/.test(body)) return sign * parseInt(body.slice(2), 2);
    const n = Number(body);
    if (Number.isNaN(n)) throw this.fail("Bad number");
    return sign * n;
  }

  private sequence(open: string, close: string, depth: number): PyValue[] {
    this.pos++; // open
    const items: PyValue[] = [];
    for (;;) {
      this.skipSpace();
      if (this.src[this.pos] === close) {
        this.pos++;
        return items;
      }
      items.push(this.value(depth + 1));
      this.skipSpace();
      const c = this.src[this.pos];
      if (c === ",") this.pos++;
      else if (c === close) {
        this.pos++;
        return items;
      } else throw this.fail(`Expected "," or "${close}"`);
    }
  }

  private dictOrSet(depth: number): PyValue {
    this.pos++; // {
    this.skipSpace();
    if (this.src[this.pos] === "}") {
      this.pos++;
      return {};
    }
    const first = this.value(depth + 1);
    this.skipSpace();
    if (this.src[this.pos] !== ":") {
      // A set: { a, b }.
      const items = [first];
      for (;;) {
        this.skipSpace();
        const c = this.src[this.pos];
        if (c === "}") {
          this.pos++;
          return items;
        }
        if (c !== ",") throw this.fail('Expected "," or "}"');
        this.pos++;
        this.skipSpace();
        if (this.src[this.pos] === "}") continue;
        items.push(this.value(depth + 1));
      }
    }
    const out: { [key: string]: PyValue } = {};
    let key = first;
    for (;;) {
      if (key !== null && typeof key === "object") throw this.fail("Dict keys must be strings, numbers, booleans or None");
      this.skipSpace();
      if (this.src[this.pos] !== ":") throw this.fail('Expected ":"');
      this.pos++;
      const value = this.value(depth + 1);
      Object.defineProperty(out, pyKey(key), { value, enumerable: true, writable: true, configurable: true });
      this.skipSpace();
      const c = this.src[this.pos];
      if (c === "}") {
        this.pos++;
        return out;
      }
      if (c !== ",") throw this.fail('Expected "," or "}"');
      this.pos++;
      this.skipSpace();
      if (this.src[this.pos] === "}") {
        this.pos++;
        return out;
      }
      key = this.value(depth + 1);
    }
  }
}

function pyKey(key: string | number | boolean | null): string {
  if (key === null) return "None";
  if (key === true) return "True";
  if (key === false) return "False";
  return String(key);
}
