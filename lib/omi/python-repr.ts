/**
 * Python's str() of a dict, the inverse of ./python-literal.ts: what Omi's legacy
 * day-summary `summary` field holds (docs/OMI.md §4). Used by the sample
 * data and the Omi simulator to send exactly what Omi sends.
 *
 * Exactly as CPython prints it: strings in single quotes, or double quotes when the text
 * holds a ' and no "; backslash, the quote, \t \n \r and every character Python counts
 * as unprintable escaped as \xhh, \uhhhh or \Uhhhhhhhh; floats as repr(float) (shortest
 * round-trip digits, 1.0, 1e+16, 1.5e-05, inf, nan); True, False, None.
 *
 * JSON, and so a JS value, does not say whether 71.0 was a float: whole numbers are
 * written as ints (71) unless wrapped in PyFloat. A Map keeps its key order where a plain
 * object would move integer-like keys ("2") first. Unprintable means Unicode categories
 * Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs other than the space, as the JS engine's Unicode
 * tables know them; characters assigned after the Python's own Unicode version differ.
 */

/** A number Python holds as a float, written as one even when it is whole: 71.0, not 71. */
export class PyFloat {
  constructor(readonly value: number) {}
}

export function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (value instanceof PyFloat) return floatRepr(value.value);
  if (typeof value === "number") return Number.isInteger(value) ? BigInt(value).toString() : floatRepr(value);
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string") return stringRepr(value);
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(", ")}]`;
  if (value instanceof Map) return dictRepr([...value.entries()]);
  if (typeof value === "object") return dictRepr(Object.entries(value));
  throw new TypeError(`No Python literal for a ${typeof value}`);
}

function dictRepr(entries: [unknown, unknown][]): string {
  return `{${entries.map(([k, v]) => `${pythonRepr(k)}: ${pythonRepr(v)}`).join(", ")}}`;
}

/** repr(float): exponent form below 1e-4 and from 1e16 on, else fixed with at least one decimal. */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  // toExponential() with no argument gives the shortest digits that read back as x, as Python does.
  const [mantissa, e] = Math.abs(x).toExponential().split("e") as [string, string];
  const digits = mantissa.replace(".", "");
  const exponent = Number(e);
  if (exponent < -4 || exponent >= 16) {
    const rest = digits.slice(1);
    return `${sign}${digits[0]}${rest ? `.${rest}` : ""}e${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  const point = exponent + 1; // digits before the decimal point
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}.0`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

const unprintable = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;
const hex = (code: number, width: number) => code.toString(16).padStart(width, "0");

/** repr(str). */
export function stringRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = "";
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === "\\" || ch === quote) out += `\\${ch}`;
    else if (ch === "\t") out += "\\t";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch !== " " && unprintable.test(ch))
      out += code < 0x100 ? `\\x${hex(code, 2)}` : code < 0x10000 ? `\\u${hex(code, 4)}` : `\\U${hex(code, 8)}`;
    else out += ch;
  }
  return `${quote}${out}${quote}`;
}
