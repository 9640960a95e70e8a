import type { Dialect } from '../dialect.js';

/**
 * BigQuery: backquoted identifiers (backslash escapes), `?` parameters, RE2 regexes through
 * REGEXP_CONTAINS, COUNTIF. PERCENTILE_CONT exists only as a window function and APPROX_QUANTILES
 * is approximate, so exact quantiles are reported as not pushed down.
 */
export const bigqueryDialect: Dialect = {
  name: 'bigquery',
  quoteIdent: (id) => `\`${id.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``,
  param: () => '?',
  filterClause: false,
  countIf: (c) => `COUNTIF(${c})`,
  fns: {
    length: (a) => `CHAR_LENGTH(${a[0]})`,
    trim: (a) => `TRIM(${a[0]}, ${a[1]})`,
    is_nan: (a) => `IS_NAN(${a[0]})`,
    epoch_ms: (a) => `UNIX_MILLIS(TIMESTAMP(${a[0]}))`,
    var_samp: (a) => `VAR_SAMP(${a[0]})`,
  },
  castType: { double: 'FLOAT64', varchar: 'STRING', bigint: 'INT64', boolean: 'BOOL', date: 'DATE', timestamp: 'TIMESTAMP' },
  regex: (s, p, ci, bind) => `REGEXP_CONTAINS(${s}, ${bind(ci ? `(?i)${p}` : p)})`,
  regexFeatures: { nonCapturing: true, lazy: true, wordBoundary: true, anyChar: '(?s:.)' },
  binaryCollate: (e) => e,
  gaps: ['exact_quantile'],
};
