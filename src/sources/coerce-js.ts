import type { LogicalType, TimeUnit } from '../model/contract.js';
import { coerceJson, coerceNested } from './coerce-json.js';
import { FAIL, parseInt, type Parsed } from './parse-text.js';

const MS_PER_DAY = 86_400_000;
const PER_MS: Record<TimeUnit, { mul: bigint; div: bigint }> = {
  s: { mul: 1n, div: 1000n },
  ms: { mul: 1n, div: 1n },
  us: { mul: 1000n, div: 1n },
  ns: { mul: 1_000_000n, div: 1n },
};

/**
 * A JavaScript value from an in-memory source (a row object, an arquero column) as the contract
 * type's in-memory form. It takes what `RowOf` promises (Date for dates and timestamps, bigint
 * for 64-bit integers, Uint8Array for binary) and, like a JSON file, ISO strings and safe-integer
 * numbers; anything else is a failure, never a guess (`'12'` is not an int).
 */
export function coerceJs(t: LogicalType, v: unknown): Parsed<unknown> {
  if (v === null || v === undefined) return null;
  switch (t.type) {
    case 'int':
      if (typeof v === 'bigint') return parseInt(v.toString(), t.bits, t.signed);
      return coerceJson(t, v);
    case 'float':
      return typeof v === 'bigint' ? Number(v) : coerceJson(t, v);
    case 'decimal':
      return typeof v === 'bigint' ? coerceJson(t, Number(v)) : coerceJson(t, v);
    case 'date':
      if (v instanceof Date) return Number.isNaN(v.getTime()) ? FAIL : Math.floor(v.getTime() / MS_PER_DAY);
      return coerceJson(t, v);
    case 'timestamp': {
      if (!(v instanceof Date)) return coerceJson(t, v);
      const ms = v.getTime();
      if (Number.isNaN(ms)) return FAIL;
      const { mul, div } = PER_MS[t.unit];
      const scaled = BigInt(ms) * mul;
      // Floor division: a second-resolution column keeps the second a pre-epoch instant falls in.
      return div === 1n ? scaled : scaled / div - (scaled % div < 0n ? 1n : 0n);
    }
    case 'binary':
      return v instanceof Uint8Array ? v : coerceJson(t, v);
    case 'list':
    case 'struct':
      return coerceNested(t, v, coerceJs);
    default:
      return coerceJson(t, v);
  }
}

/** A JavaScript value as text, for a failing-row sample or an undeclared column kept as text. */
export function jsText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
  try {
    return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x)) ?? String(v);
  } catch {
    return String(v);
  }
}
