/**
 * Whether a text is one JSON value: what JSON.parse accepts (RFC 8259: whitespace around it, no
 * trailing commas, no NaN or Infinity, no comments), with every string well-formed Unicode. A lone
 * surrogate escape (`"\ud800"`) is refused although JSON.parse reads it: RFC 8259 leaves its meaning
 * open (section 8.2), and DuckDB's json_valid refuses it, so the engines agree on it.
 */
export function isJsonText(text: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  return wellFormed(value);
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one (String#isWellFormed is ES2024). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function wellFormed(v: unknown): boolean {
  if (typeof v === 'string') return !LONE_SURROGATE.test(v);
  if (Array.isArray(v)) return v.every(wellFormed);
  if (v !== null && typeof v === 'object') return Object.entries(v).every(([k, x]) => !LONE_SURROGATE.test(k) && wellFormed(x));
  return true;
}
