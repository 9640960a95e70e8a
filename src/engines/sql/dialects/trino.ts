import type { Dialect } from '../dialect.js';
import { quoteWith } from '../dialect.js';

/**
 * Trino: `?` parameters, count_if, regexp_like (a search, Java syntax; `\b` follows Java's word
 * rules, so it is refused). Trino has only approx_percentile: exact quantiles are not pushed down.
 */
export const trinoDialect: Dialect = {
  name: 'trino',
  quoteIdent: quoteWith('"'),
  param: () => '?',
  filterClause: true,
  countIf: (c) => `count_if(${c})`,
  fns: {
    is_nan: (a) => `is_nan(${a[0]})`,
    epoch_ms: (a) => `floor(to_unixtime(CAST(${a[0]} AS timestamp(3) with time zone)) * 1000)`,
  },
  castType: { double: 'double', varchar: 'varchar', bigint: 'bigint', boolean: 'boolean', date: 'date', timestamp: 'timestamp(3)' },
  regex: (s, p, ci, bind) => `regexp_like(${s}, ${bind(ci ? `(?i)${p}` : p)})`,
  regexFeatures: { nonCapturing: true, lazy: true, wordBoundary: false, anyChar: '(?s:.)' },
  // Trino compares varchar by code point.
  binaryCollate: (e) => e,
  gaps: ['exact_quantile'],
};
