import type { Dialect } from '../dialect.js';
import { quoteWith } from '../dialect.js';

/**
 * Spark SQL: backquoted identifiers (doubled to escape), `?` parameters (Spark 3.4+), RLIKE with
 * Java regexes, count_if, `percentile` (exact, linear interpolation), char_length.
 */
export const sparkDialect: Dialect = {
  name: 'spark',
  quoteIdent: quoteWith('`'),
  param: () => '?',
  filterClause: false,
  countIf: (c) => `count_if(${c})`,
  fns: {
    length: (a) => `char_length(${a[0]})`,
    trim: (a) => `trim(BOTH ${a[1]} FROM ${a[0]})`,
    epoch_ms: (a) => `unix_millis(CAST(${a[0]} AS TIMESTAMP))`,
    quantile_cont: (a) => `percentile(${a[0]}, ${a[1]})`,
  },
  castType: { double: 'DOUBLE', varchar: 'STRING', bigint: 'BIGINT', boolean: 'BOOLEAN', date: 'DATE', timestamp: 'TIMESTAMP' },
  regex: (s, p, ci, bind) => `(${s} RLIKE ${bind(ci ? `(?i)${p}` : p)})`,
  regexFeatures: { nonCapturing: true, lazy: true, wordBoundary: false, anyChar: '(?s:.)' },
  binaryCollate: (e) => e,
  gaps: [],
  // Spark requires an ordered window for row_number; monotonically_increasing_id follows the scan.
  rowNumber: 'row_number() OVER (ORDER BY monotonically_increasing_id())',
};
