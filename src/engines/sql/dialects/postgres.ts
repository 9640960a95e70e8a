import type { Dialect } from '../dialect.js';
import { quoteWith } from '../dialect.js';

/**
 * PostgreSQL: POSIX ARE regexes (`~`; `\b` is a backspace there, so word boundaries are refused),
 * percentile_cont as an ordered-set aggregate, char_length in characters, COLLATE "C" for
 * code-point order, and NaN found by comparison (PostgreSQL has no isnan for floats).
 */
export const postgresDialect: Dialect = {
  name: 'postgres',
  quoteIdent: quoteWith('"'),
  param: (i) => `$${i}`,
  filterClause: true,
  fns: {
    length: (a) => `char_length(${a[0]})`,
    trim: (a) => `btrim(${a[0]}, ${a[1]})`,
    is_nan: (a) => `(${a[0]} = 'NaN'::double precision)`,
    epoch_ms: (a) => `floor(extract(epoch FROM ${a[0]}) * 1000)`,
    quantile_cont: (a) => `percentile_cont(${a[1]}) WITHIN GROUP (ORDER BY ${a[0]})`,
  },
  castType: { double: 'double precision', varchar: 'text', bigint: 'bigint', boolean: 'boolean', date: 'date', timestamp: 'timestamp' },
  regex: (s, p, ci, bind) => `(${s} ${ci ? '~*' : '~'} ${bind(p)})`,
  regexFeatures: { nonCapturing: true, lazy: true, wordBoundary: false, anyChar: '(?:.|\\n)' },
  binaryCollate: (e) => `(${e} COLLATE "C")`,
  gaps: [],
};
