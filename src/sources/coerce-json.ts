import type { LogicalType } from '../model/contract.js';
import { FAIL, checkDecimalNumber, parseDate, parseDecimal, parseFloat, parseInt, parseTimestamp, type Parsed } from './parse-text.js';

const encoder = new TextEncoder();

/**
 * A JSON value as the contract type's in-memory form (the same forms the text parsers return).
 * A value of the wrong JSON type is a failure, never a guess: `"12"` is not an int.
 */
export function coerceJson(t: LogicalType, v: unknown): Parsed<unknown> {
  if (v === null || v === undefined) return null;
  switch (t.type) {
    case 'bool':
      return typeof v === 'boolean' ? v : FAIL;
    case 'int':
      // JSON numbers beyond 2^53 were already rounded by the JSON parser, so two different ids
      // could look equal: they fail the type check rather than pass as a neighbouring value.
      if (typeof v !== 'number' || !Number.isSafeInteger(v)) return FAIL;
      return parseInt(String(v), t.bits, t.signed);
    case 'float':
      if (typeof v === 'number') return v;
      // JSON cannot spell NaN/Infinity; writers that need them use strings.
      return typeof v === 'string' && /^[+-]?(nan|inf|infinity)$/i.test(v) ? parseFloat(v) : FAIL;
    case 'decimal':
      if (typeof v === 'number') return checkDecimalNumber(v, t.precision, t.scale);
      return FAIL;
    case 'string':
      return typeof v === 'string' ? v : FAIL;
    case 'date':
      return typeof v === 'string' ? parseDate(v) : FAIL;
    case 'timestamp':
      return typeof v === 'string' ? parseTimestamp(v, t.unit) : FAIL;
    case 'binary':
      return typeof v === 'string' ? encoder.encode(v) : FAIL;
    case 'list':
    case 'struct':
      return coerceNested(t, v, coerceJson);
  }
}

/** A list or struct value, each item or field converted by `each` (JSON's rules or JavaScript's). */
export function coerceNested(
  t: Extract<LogicalType, { type: 'list' | 'struct' }>,
  v: unknown,
  each: (t: LogicalType, v: unknown) => Parsed<unknown>,
): Parsed<unknown> {
  if (t.type === 'list') {
    if (!Array.isArray(v)) return FAIL;
    const out: unknown[] = [];
    for (const item of v) {
      const c = each(t.of, item);
      if (c === FAIL) return FAIL;
      out.push(c);
    }
    return out;
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return FAIL;
  const out: Record<string, unknown> = {};
  for (const [k, ft] of Object.entries(t.fields)) {
    const c = each(ft, (v as Record<string, unknown>)[k]);
    if (c === FAIL) return FAIL;
    out[k] = c;
  }
  return out;
}

/** A CSV cell for a list/struct column holds JSON text. */
export function coerceJsonText(t: LogicalType, s: string): Parsed<unknown> {
  let v: unknown;
  try {
    v = JSON.parse(s);
  } catch {
    return FAIL;
  }
  return v === null ? FAIL : coerceJson(t, v);
}

export { parseDecimal };
