import type { LogicalType, TimeUnit } from '../model/contract.js';

/** Returned by a parser when a value does not fit the declared type (becomes null + a parse failure). */
export const FAIL: unique symbol = Symbol('parse-fail');
export type Parsed<T> = T | typeof FAIL;

const INT_RE = /^[+-]?\d+$/;
const FLOAT_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// ISO 8601 with 'T' or space, optional seconds, fraction (up to ns) and zone.
const TS_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

const TRUE = new Set(['true', '1', 'yes', 't', 'y']);
const FALSE = new Set(['false', '0', 'no', 'f', 'n']);

export function parseBool(s: string): Parsed<boolean> {
  const v = s.trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  return FAIL;
}

/** Value ranges of the integer types that fit a JS number (64-bit ones are bigint). */
export const INT_RANGE: Record<string, [number, number]> = {
  i8: [-128, 127],
  i16: [-32768, 32767],
  i32: [-2147483648, 2147483647],
  u8: [0, 255],
  u16: [0, 65535],
  u32: [0, 4294967295],
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
    case 'nan':
      return NaN;
    case 'inf':
    case 'infinity':
    case '+inf':
    case '+infinity':
      return Infinity;
    case '-inf':
    case '-infinity':
      return -Infinity;
    default:
      return FAIL;
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

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= MONTH_DAYS[m - 1] + (leap ? 1 : 0);
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
 * Used instead of Date.UTC, which maps years 0-99 to 1900-1999 (and is slower).
 */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Days since 1970-01-01 for `YYYY-MM-DD`. */
export function parseDate(s: string): Parsed<number> {
  const m = DATE_RE.exec(s.trim());
  if (!m) return FAIL;
  const y = +m[1],
    mo = +m[2],
    d = +m[3];
  if (!validYmd(y, mo, d)) return FAIL;
  return daysFromCivil(y, mo, d);
}

const PER_SECOND: Record<TimeUnit, bigint> = { s: 1n, ms: 1_000n, us: 1_000_000n, ns: 1_000_000_000n };

/** An ISO 8601 timestamp as a count of `unit` since the epoch (UTC; a zone offset is applied). */
export function parseTimestamp(s: string, unit: TimeUnit): Parsed<bigint> {
  const m = TS_RE.exec(s.trim());
  if (!m) return FAIL;
  const [, ys, mos, ds, hs = '0', mis = '0', ss = '0', frac = '', zone] = m;
  const y = +ys,
    mo = +mos,
    d = +ds,
    h = +hs,
    mi = +mis,
    sec = +ss;
  if (!validYmd(y, mo, d) || h > 23 || mi > 59 || sec > 59) return FAIL;
  let seconds = BigInt(daysFromCivil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + sec);
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1n : 1n;
    const digits = zone.slice(1).replace(':', '');
    const offH = BigInt(digits.slice(0, 2)),
      offM = BigInt(digits.slice(2) || '0');
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
    case 'int':
      return `${t.signed ? 'int' : 'uint'}${t.bits}`;
    case 'float':
      return `float${t.bits}`;
    case 'decimal':
      return `decimal(${t.precision},${t.scale})`;
    case 'bool':
      return 'bool (true/false/1/0/yes/no)';
    case 'date':
      return 'date (YYYY-MM-DD)';
    case 'timestamp':
      return `timestamp[${t.unit}${t.tz ? `, ${t.tz}` : ''}] (ISO 8601)`;
    case 'list':
      return `list<${describeType(t.of)}> (JSON array)`;
    case 'struct':
      return 'struct (JSON object)';
    default:
      return t.type;
  }
}

// ---------------------------------------------------------------------------------------------
// Fast paths. Each accepts only a plain spelling on which it is exact and otherwise returns
// `undefined`, meaning "ask the strict parser above" (which also produces the failure). They exist
// because regex + split + BigInt per cell was most of the CSV read time (profile: 1M rows x 6 cols).

const MAX_FAST_DIGITS = 15; // < 2^53, so the digits accumulate exactly in a double

/** `-?\d{1,15}` as a number; no sign `+`, spaces or more digits (those go to `parseInt`). */
export function fastInt(s: string): number | undefined {
  const n = s.length;
  let i = 0;
  if (n > 0 && s.charCodeAt(0) === 45) i = 1;
  if (n === i || n - i > MAX_FAST_DIGITS) return undefined;
  let v = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    v = v * 10 + c;
  }
  return s.charCodeAt(0) === 45 ? -v : v;
}

/** True when `s` is `-?digits[.digits][e[+-]digits]` (at least one mantissa digit): `Number(s)` is then exact and FLOAT_RE agrees. */
export function isPlainFloat(s: string): boolean {
  const n = s.length;
  let i = 0;
  if (n > 0 && s.charCodeAt(0) === 45) i = 1;
  let digits = 0;
  let c = 0;
  for (; i < n; i++) {
    c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else break;
  }
  if (i < n && c === 46) {
    for (i++; i < n; i++) {
      c = s.charCodeAt(i);
      if (c >= 48 && c <= 57) digits++;
      else break;
    }
  }
  if (digits === 0) return false;
  if (i === n) return true;
  if (c !== 101 && c !== 69) return false;
  i++;
  if (i < n && (s.charCodeAt(i) === 45 || s.charCodeAt(i) === 43)) i++;
  if (i === n) return false;
  for (; i < n; i++) {
    c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** decimal(p, s) for `-?digits[.digits]`; FAIL when out of precision/scale, undefined when not plain. */
export function fastDecimal(s: string, precision: number, scale: number): number | typeof FAIL | undefined {
  const n = s.length;
  let i = s.length > 0 && s.charCodeAt(0) === 45 ? 1 : 0;
  let intDigits = 0; // significant: leading zeros do not count
  let fracDigits = 0; // significant: trailing zeros do not count
  let any = false;
  let c = 0;
  for (; i < n; i++) {
    c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    if (intDigits > 0 || c !== 48) intDigits++;
    any = true;
  }
  if (i < n) {
    if (c !== 46) return undefined;
    for (let k = 1, j = i + 1; j < n; j++, k++) {
      c = s.charCodeAt(j);
      if (c < 48 || c > 57) return undefined;
      if (c !== 48) fracDigits = k;
      any = true;
    }
  }
  if (!any) return undefined;
  if (intDigits > precision - scale || fracDigits > scale) return FAIL;
  return Number(s);
}

function twoDigits(s: string, at: number): number {
  const a = s.charCodeAt(at) - 48,
    b = s.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Days since the epoch for exactly `YYYY-MM-DD` at `s[0..10)`; -1e9 when not that shape or invalid. */
function fastYmd(s: string): number {
  const y1 = twoDigits(s, 0),
    y2 = twoDigits(s, 2),
    m = twoDigits(s, 5),
    d = twoDigits(s, 8);
  if (y1 < 0 || y2 < 0 || m < 0 || d < 0 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1e9;
  const y = y1 * 100 + y2;
  return validYmd(y, m, d) ? daysFromCivil(y, m, d) : -1e9;
}

/** `YYYY-MM-DD` as days since the epoch. */
export function fastDate(s: string): number | undefined {
  if (s.length !== 10) return undefined;
  const days = fastYmd(s);
  return days === -1e9 ? undefined : days;
}

const UNIT_DIGITS: Record<TimeUnit, number> = { s: 0, ms: 3, us: 6, ns: 9 };
const POW10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];

/**
 * `YYYY-MM-DD[( |T)HH:MM[:SS[.f{1,9}]]][Z]` in `unit` since the epoch, when the result is a safe
 * integer (so never for most `ns` values, which need bigint). Zone offsets go to the strict parser.
 */
export function fastTimestamp(s: string, unit: TimeUnit): number | undefined {
  let n = s.length;
  if (n < 10) return undefined;
  if (s.charCodeAt(n - 1) === 90) n--; // 'Z'
  const days = fastYmd(s);
  if (days === -1e9) return undefined;
  let secs = days * 86_400;
  let fracUnits = 0;
  if (n > 10) {
    const sep = s.charCodeAt(10);
    if ((sep !== 84 && sep !== 32) || n < 16 || s.charCodeAt(13) !== 58) return undefined;
    const h = twoDigits(s, 11),
      mi = twoDigits(s, 14);
    if (h < 0 || h > 23 || mi < 0 || mi > 59) return undefined;
    secs += h * 3600 + mi * 60;
    if (n > 16) {
      if (n < 19 || s.charCodeAt(16) !== 58) return undefined;
      const sec = twoDigits(s, 17);
      if (sec < 0 || sec > 59) return undefined;
      secs += sec;
      if (n > 19) {
        const k = n - 20; // fraction digits
        if (s.charCodeAt(19) !== 46 || k < 1 || k > 9) return undefined;
        const keep = UNIT_DIGITS[unit];
        let f = 0;
        for (let i = 0; i < k; i++) {
          const c = s.charCodeAt(20 + i) - 48;
          if (c < 0 || c > 9) return undefined;
          if (i < keep) f = f * 10 + c; // digits beyond the unit are truncated, as in parseTimestamp
        }
        fracUnits = k < keep ? f * POW10[keep - k] : f;
      }
    }
  }
  const v = secs * POW10[UNIT_DIGITS[unit]] + fracUnits;
  return Number.isSafeInteger(v) ? v : undefined;
}
