import type { LogicalType, TimeUnit } from '../model/contract.js';

/** Returned by a parser when a value does not fit the declared type (becomes null + a parse failure). */
export const FAIL: unique symbol = Symbol('parse-fail');
export type Parsed<T> = T | typeof FAIL;

const INT_RE = /^[+-]?\d+$/;
const FLOAT_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// ISO 8601 with 'T' or space, optional seconds, fraction (up to ns) and zone.
const TS_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

const TRUE = new Set(['true', '1', 'yes', 't', 'y']);
const FALSE = new Set(['false', '0', 'no', 'f', 'n']);

export function parseBool(s: string): Parsed<boolean> {
  const v = s.trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  return FAIL;
}

const INT_RANGE: Record<string, [number, number]> = {
  i8: [-128, 127], i16: [-32768, 32767], i32: [-2147483648, 2147483647],
  u8: [0, 255], u16: [0, 65535], u32: [0, 4294967295],
};
const I64: [bigint, bigint] = [-(2n ** 63n), 2n ** 63n - 1n];
const U64: [bigint, bigint] = [0n, 2n ** 64n - 1n];

/** Integers of up to 32 bits come back as numbers, 64-bit ones as bigint (range-checked either way). */
export function parseInt(s: string, bits: number, signed: boolean): Parsed<number | bigint> {
  const v = s.trim();
  if (!INT_RE.test(v)) return FAIL;
  if (bits === 64) {
    const b = BigInt(v);
    const [lo, hi] = signed ? I64 : U64;
    return b < lo || b > hi ? FAIL : b;
  }
  const n = Number(v);
  const [lo, hi] = INT_RANGE[(signed ? 'i' : 'u') + bits];
  return n < lo || n > hi ? FAIL : n;
}

export function parseFloat(s: string): Parsed<number> {
  const v = s.trim();
  if (FLOAT_RE.test(v)) return Number(v);
  switch (v.toLowerCase()) {
    case 'nan': return NaN;
    case 'inf': case 'infinity': case '+inf': case '+infinity': return Infinity;
    case '-inf': case '-infinity': return -Infinity;
    default: return FAIL;
  }
}

/** decimal(p, s): at most p - s integer digits and s fraction digits; stored as Float64. */
export function parseDecimal(s: string, precision: number, scale: number): Parsed<number> {
  const v = s.trim();
  if (!FLOAT_RE.test(v) || /[eE]/.test(v)) return checkDecimalNumber(Number(v), precision, scale);
  const body = v.replace(/^[+-]/, '');
  const [int, frac = ''] = body.split('.');
  const intDigits = int.replace(/^0+/, '').length;
  if (intDigits > precision - scale || frac.replace(/0+$/, '').length > scale) return FAIL;
  return Number(v);
}

export function checkDecimalNumber(n: number, precision: number, scale: number): Parsed<number> {
  if (!Number.isFinite(n)) return FAIL;
  if (Math.abs(n) >= 10 ** (precision - scale)) return FAIL;
  const scaled = n * 10 ** scale;
  return Math.abs(scaled - Math.round(scaled)) > 1e-6 * Math.max(1, Math.abs(scaled)) ? FAIL : n;
}

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Days since 1970-01-01 for `YYYY-MM-DD`. */
export function parseDate(s: string): Parsed<number> {
  const m = DATE_RE.exec(s.trim());
  if (!m) return FAIL;
  const y = +m[1], mo = +m[2], d = +m[3];
  if (!validYmd(y, mo, d)) return FAIL;
  return Date.UTC(y, mo - 1, d) / 86_400_000;
}

const PER_SECOND: Record<TimeUnit, bigint> = { s: 1n, ms: 1_000n, us: 1_000_000n, ns: 1_000_000_000n };

/** An ISO 8601 timestamp as a count of `unit` since the epoch (UTC; a zone offset is applied). */
export function parseTimestamp(s: string, unit: TimeUnit): Parsed<bigint> {
  const m = TS_RE.exec(s.trim());
  if (!m) return FAIL;
  const [, ys, mos, ds, hs = '0', mis = '0', ss = '0', frac = '', zone] = m;
  const y = +ys, mo = +mos, d = +ds, h = +hs, mi = +mis, sec = +ss;
  if (!validYmd(y, mo, d) || h > 23 || mi > 59 || sec > 59) return FAIL;
  let seconds = BigInt(Date.UTC(y, mo - 1, d, h, mi, sec) / 1000);
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1n : 1n;
    const digits = zone.slice(1).replace(':', '');
    const offH = BigInt(digits.slice(0, 2)), offM = BigInt(digits.slice(2) || '0');
    if (offH > 23n || offM > 59n) return FAIL;
    seconds -= sign * (offH * 3600n + offM * 60n);
  }
  const per = PER_SECOND[unit];
  // Fraction digits beyond the unit's resolution are truncated, not rounded.
  const fracUnits = frac ? BigInt(frac.padEnd(9, '0').slice(0, 9)) / (1_000_000_000n / per) : 0n;
  return seconds * per + fracUnits;
}

/** The `expected` text of a parse failure, e.g. `int64`, `timestamp[us] (ISO 8601)`. */
export function describeType(t: LogicalType): string {
  switch (t.type) {
    case 'int': return `${t.signed ? 'int' : 'uint'}${t.bits}`;
    case 'float': return `float${t.bits}`;
    case 'decimal': return `decimal(${t.precision},${t.scale})`;
    case 'bool': return 'bool (true/false/1/0/yes/no)';
    case 'date': return 'date (YYYY-MM-DD)';
    case 'timestamp': return `timestamp[${t.unit}${t.tz ? `, ${t.tz}` : ''}] (ISO 8601)`;
    case 'list': return `list<${describeType(t.of)}> (JSON array)`;
    case 'struct': return 'struct (JSON object)';
    default: return t.type;
  }
}
