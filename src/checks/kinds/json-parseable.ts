import type { FailuresValue } from '../../model/metric.js';
import { call, col } from '../../expr/build.js';
import { defineCheckKind } from '../check-kind.js';
import type { CheckKind } from '../check-kind.js';
import { predicateMetric, rowLevelVerdict } from '../row-level.js';

/**
 * Each value is one JSON text (`is_json`, src/expr/json-text.ts: RFC 8259 as JSON.parse reads it,
 * strings well-formed Unicode). Nulls are not considered. PostgreSQL 15 and ClickHouse 18.16
 * cannot test it exactly: `sql.unsupported`.
 */
export const jsonParseable: CheckKind<Record<string, never>> = defineCheckKind<Record<string, never>>({
  kind: 'json_parseable',
  scope: 'column',
  observes: 'counts',
  metrics: (def, ctx) => [predicateMetric(def, call('is_json', col(def.column!)), ctx)],
  evaluate: (def, m, ctx) => rowLevelVerdict(def, m.value<FailuresValue>(jsonParseable.metrics(def, ctx)[0]), 'values are JSON'),
  describe: (def) => `${def.column} is JSON`,
});
