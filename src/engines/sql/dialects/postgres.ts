import type { Dialect } from '../dialect.js';
import { quoteWith } from '../dialect.js';

/** ICU's root collation: present on servers built with ICU (the default since PostgreSQL 16; Debian, RDS, Cloud SQL). */
const ICU = '"und-x-icu"';

/**
 * PostgreSQL: POSIX ARE regexes (`~`; `\b` is a backspace there, so word boundaries are refused),
 * percentile_cont as an ordered-set aggregate, char_length in characters, COLLATE "C" for
 * code-point order, ICU for case mapping, NaN found by comparison (PostgreSQL has no isnan for
 * floats), and `%` rebuilt from a truncated quotient (there is none for double precision).
 */
export const postgresDialect: Dialect = {
  name: 'postgres',
  quoteIdent: quoteWith('"'),
  param: (i) => `$${i}`,
  filterClause: true,
  fns: {
    length: (a) => `char_length(${a[0]})`,
    trim: (a) => `btrim(${a[0]}, ${a[1]})`,
    // Case mapping follows the collation: under C (or glibc) é stays é or ß stays ß. ICU's root
    // locale maps as JavaScript's toUpperCase/toLowerCase do (full Unicode mapping, no locale).
    upper: (a) => `upper(${a[0]} COLLATE ${ICU})`,
    lower: (a) => `lower(${a[0]} COLLATE ${ICU})`,
    is_nan: (a) => `(${a[0]} = 'NaN'::double precision)`,
    epoch_ms: (a) => `floor(extract(epoch FROM ${a[0]}) * 1000)`,
    quantile_cont: (a) => `percentile_cont(${a[1]}) WITHIN GROUP (ORDER BY ${a[0]})`,
  },
  castType: { double: 'double precision', varchar: 'text', bigint: 'bigint', boolean: 'boolean', date: 'date', timestamp: 'timestamp' },
  // The translated pattern spells classes out (no [[:alpha:]], \w or \y), so a case-sensitive
  // match means the same under any collation; case-insensitive folding follows the collation, so
  // it runs under ICU, which folds é/É as JavaScript's `i` flag does.
  // PostgreSQL text cannot hold NUL, not even a bound pattern: a NUL (from \0, \x00) becomes
  // ARE's escape \u0000 (never \x00: ARE's \x reads every hex digit that follows).
  regex: (s, p, ci, bind) => {
    const pattern = bind(p.replaceAll('\0', '\\u0000'));
    return ci ? `((${s} COLLATE ${ICU}) ~* ${pattern})` : `(${s} ~ ${pattern})`;
  },
  regexFeatures: { nonCapturing: true, lazy: true, wordBoundary: false, anyChar: '(?:.|\\n)' },
  binaryCollate: (e) => `(${e} COLLATE "C")`,
  noJsonValid:
    'PostgreSQL 15 has no IS JSON (it came in 16), a cast to json stops the whole query at the first invalid text, and a read-only connection cannot create a function that catches it',
  // PostgreSQL has no `%` for double precision. On whole numbers below 2^53 the quotient's
  // truncation is exact, so this is JavaScript's remainder (sign of the dividend); fractional
  // operands are refused by the compiler (gap 'float_remainder').
  remainder: (l, r) => `(${l} - trunc(${l} / ${r}) * ${r})`,
  // numeric (also numeric(p, s)) accepts 'NaN', which sorts above every number and makes sums NaN.
  decimalNaN: true,
  gaps: ['float_remainder'],
  // A sample numbers the rows with row_number() OVER () in a subquery: the window keeps the scan
  // serial (no parallel workers below it) and in physical order (the connection turns off
  // synchronized scans), so a sample's row numbers are positions in the heap and the sample needs
  // no ORDER BY: the LIMIT stops the scan at the tenth failing row. Ordering by the row number
  // instead sorted all 5M rows of the bench's table and re-ran the email regex on every one of
  // them (1.5-10 s per sample).
  preservesScanOrder: true,
};
