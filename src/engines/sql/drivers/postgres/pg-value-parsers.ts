/**
 * How values arrive from PostgreSQL (text protocol) as the SqlConnection promises: numbers for
 * every numeric type, epoch milliseconds for dates and timestamps, booleans, strings, and the
 * text form for everything else. Installed per client (pg's `types` option), never globally, so
 * other pg users in the same process keep pg's defaults.
 *
 * Decisions:
 * - int8 and numeric beyond 2^53 (or beyond double precision) become the nearest double. An error
 *   would make every metric over a snowflake-id column fail; aggregates are doubles anyway.
 * - numeric 'NaN', '±Infinity' and float 'NaN'/'±Infinity' stay NaN/±Infinity.
 * - `timestamp` (without time zone) is read as UTC and `date` as UTC midnight, whatever the
 *   process time zone; `timestamptz` honours the offset the server prints. The connection sets
 *   DateStyle ISO and TimeZone UTC per transaction so the text is always in this shape.
 * - microseconds are kept as fractions of a millisecond, as the Arrow engine does.
 * - date/timestamp 'infinity' / '-infinity' become ±Infinity.
 */

export type ValueParser = (text: string) => unknown;

const OID = {
  bool: 16,
  int8: 20,
  int2: 21,
  int4: 23,
  oid: 26,
  float4: 700,
  float8: 701,
  numeric: 1700,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
} as const;

const asNumber: ValueParser = (t) => Number(t);

const PARSERS = new Map<number, ValueParser>([
  [OID.bool, (t) => t === 't' || t === 'true'],
  [OID.int2, asNumber],
  [OID.int4, asNumber],
  [OID.int8, asNumber],
  [OID.oid, asNumber],
  [OID.float4, asNumber], // Number() reads 'NaN', 'Infinity', '-Infinity'
  [OID.float8, asNumber],
  [OID.numeric, asNumber],
  [OID.date, parseDate],
  [OID.timestamp, parseTimestamp],
  [OID.timestamptz, parseTimestamp],
]);

const asText: ValueParser = (t) => t;

/** pg's `types` option: our parsers for the types above, the text unchanged for everything else. */
export const datacheckPgTypes = {
  getTypeParser(oid: number, format?: string): ValueParser {
    if (format === 'binary') throw new Error('datacheck reads PostgreSQL values in text format only');
    return PARSERS.get(oid) ?? asText;
  },
};

const DATE = /^(\d{4,})-(\d{2})-(\d{2})( BC)?$/;
const TIMESTAMP = /^(\d{4,})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(?:([+-])(\d{2})(?::?(\d{2}))?(?::?(\d{2}))?)?( BC)?$/;

/** 'YYYY-MM-DD' (ISO DateStyle, possibly ' BC') -> epoch ms of that day's UTC midnight. */
export function parseDate(text: string): number {
  const special = infinity(text);
  if (special !== undefined) return special;
  const m = DATE.exec(text);
  if (!m) return NaN;
  return utc(year(m[1], m[4]), Number(m[2]), Number(m[3]), 0, 0, 0);
}

/** 'YYYY-MM-DD HH:MM:SS[.ffffff][±HH[:MM[:SS]]][ BC]' -> epoch ms; no offset means UTC. */
export function parseTimestamp(text: string): number {
  const special = infinity(text);
  if (special !== undefined) return special;
  const m = TIMESTAMP.exec(text);
  if (!m) return NaN;
  const [, y, mo, d, h, mi, s, frac, sign, oh, om, os, bc] = m;
  const base = utc(year(y, bc), Number(mo), Number(d), Number(h), Number(mi), Number(s));
  const micros = frac ? Number(frac.padEnd(6, '0')) : 0;
  const offsetSeconds = sign ? (sign === '-' ? -1 : 1) * (Number(oh) * 3600 + Number(om ?? 0) * 60 + Number(os ?? 0)) : 0;
  return base - offsetSeconds * 1000 + micros / 1000;
}

function infinity(text: string): number | undefined {
  if (text === 'infinity') return Infinity;
  if (text === '-infinity') return -Infinity;
  return undefined;
}

/** 1 BC is year 0 in the proleptic Gregorian calendar that Date uses. */
function year(digits: string, bc: string | undefined): number {
  return bc ? 1 - Number(digits) : Number(digits);
}

function utc(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  // Date.UTC maps years 0-99 to 1900-1999, so the year is set separately.
  const date = new Date(Date.UTC(2000, 0, 1, h, mi, s));
  date.setUTCFullYear(y, mo - 1, d);
  return date.getTime();
}
