import type { Dialect } from '../dialect.js';
import { quoteWith } from '../dialect.js';

/**
 * Snowflake: no FILTER clause (COUNT_IF, CASE inside aggregates), REGEXP_LIKE is anchored, so a
 * search is REGEXP_INSTR(...) > 0 with the case flag as a parameter; POSIX-style regexes without
 * non-capturing groups or lazy quantifiers. Values bind to `?` placeholders.
 */
export const snowflakeDialect: Dialect = {
  name: 'snowflake',
  quoteIdent: quoteWith('"'),
  param: () => '?',
  filterClause: false,
  countIf: (c) => `COUNT_IF(${c})`,
  fns: {
    length: (a) => `LENGTH(${a[0]})`,
    trim: (a) => `TRIM(${a[0]}, ${a[1]})`,
    is_nan: (a) => `(${a[0]} = 'NaN'::FLOAT)`,
    epoch_ms: (a) => `DATE_PART(EPOCH_MILLISECOND, ${a[0]})`,
    quantile_cont: (a) => `PERCENTILE_CONT(${a[1]}) WITHIN GROUP (ORDER BY ${a[0]})`,
    var_samp: (a) => `VAR_SAMP(${a[0]})`,
  },
  castType: { double: 'DOUBLE', varchar: 'VARCHAR', bigint: 'BIGINT', boolean: 'BOOLEAN', date: 'DATE', timestamp: 'TIMESTAMP_NTZ' },
  regex: (s, p, ci, bind) => `(REGEXP_INSTR(${s}, ${bind(p)}, 1, 1, 0, ${bind(ci ? 'i' : 'c')}) > 0)`,
  regexFeatures: { nonCapturing: false, lazy: false, wordBoundary: false, anyChar: '(.|\\n)' },
  // Without a collation Snowflake compares UTF-8 bytes: code-point order.
  binaryCollate: (e) => e,
  gaps: [],
  // Snowflake requires an ORDER BY in ROW_NUMBER; a constant keeps the scan order.
  rowNumber: 'ROW_NUMBER() OVER (ORDER BY NULL)',
};
