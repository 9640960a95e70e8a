import { parseExpr } from '../../../src/expr/parse-expr.js';
import type { ColumnKinds } from '../../../src/engines/sql/column-kinds.js';
import type { MetricSpec, PlannedMetric } from '../../../src/model/metric.js';
import { metricKey } from '../../../src/plan/metric-key.js';
import { FORMAT_PATTERNS } from '../../../src/checks/formats.js';

/** A column name that would end the statement if it were ever spliced in unquoted. */
export const HOSTILE = 'x"; DROP TABLE t; --';
export const BACKTICK = 'a`b\\c';
export const UNICODE = 'prénom_名前';

export const columns: ColumnKinds = new Map([
  ['order_id', 'number'],
  ['amount', 'float'],
  ['status', 'string'],
  ['email', 'string'],
  ['ordered_at', 'timestamp'],
  ['shipped_on', 'date'],
  ['active', 'bool'],
  [HOSTILE, 'string'],
  [BACKTICK, 'number'],
  [UNICODE, 'string'],
]);

const where = parseExpr("ordered_at >= current_date - 7 and status != 'cancelled'");

/** Every metric kind, a where filter, hostile identifiers and values: what each dialect must render. */
const specs: MetricSpec[] = [
  { kind: 'schema' },
  { kind: 'row_count' },
  { kind: 'row_count', where },
  { kind: 'null_count', column: HOSTILE },
  { kind: 'min', column: 'amount' },
  { kind: 'max', column: UNICODE, where },
  { kind: 'max', column: 'ordered_at' },
  { kind: 'moments', column: 'amount' },
  { kind: 'moments', column: BACKTICK, where },
  { kind: 'quantiles', column: 'amount', probs: [0.5, 0.95] },
  { kind: 'distinct_count', columns: ['status'] },
  { kind: 'distinct_count', columns: ['order_id', HOSTILE] },
  { kind: 'duplicate_count', columns: ['order_id'], sampleSize: 5 },
  { kind: 'value_count', column: 'status', value: 'it\'s \\ "quoted"' },
  { kind: 'predicate_failures', column: 'status', predicate: parseExpr("status in ('placed', 'shipped', 'o''brien')"), sampleSize: 5 },
  {
    kind: 'predicate_failures',
    column: 'email',
    predicate: {
      op: 'call',
      fn: 'matches',
      args: [
        { op: 'col', name: 'email' },
        { op: 'lit', value: FORMAT_PATTERNS.email },
      ],
    },
    sampleSize: 5,
  },
  { kind: 'predicate_failures', column: UNICODE, predicate: parseExpr(`length("${UNICODE}") between 1 and 40`), where, sampleSize: 5 },
  { kind: 'predicate_failures', column: 'amount', predicate: parseExpr('amount >= 0 and amount <= 10000'), sampleSize: 5 },
  {
    kind: 'predicate_failures',
    column: HOSTILE,
    predicate: { op: 'is_null', arg: { op: 'col', name: HOSTILE }, negate: true },
    includeNulls: true,
    sampleSize: 5,
  },
  {
    kind: 'predicate_failures',
    column: 'email',
    predicate: {
      op: 'call',
      fn: 'matches',
      args: [
        { op: 'col', name: 'email' },
        { op: 'lit', value: '(?<=@)x' },
      ],
    },
    sampleSize: 5,
  },
  { kind: 'parse_failures', column: 'order_id', sampleSize: 5 },
  { kind: 'histogram', column: 'amount', bins: 10 },
  { kind: 'top_values', column: 'status', k: 5, maxDistinct: 1000 },
  { kind: 'orphan_count', columns: ['order_id'], ref: { dataset: 'customers', columns: ['id'] }, sampleSize: 5 },
];

export const metrics: PlannedMetric[] = specs.map((spec) => ({ key: metricKey(spec), spec }));
