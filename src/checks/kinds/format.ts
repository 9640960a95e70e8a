import type { FailuresValue } from '../../model/metric.js';
import { call, col, lit } from '../../expr/build.js';
import type { StringFormat } from '../../model/contract.js';
import { defineCheckKind } from '../check-kind.js';
import type { CheckKind } from '../check-kind.js';
import { FORMAT_PATTERNS } from '../formats.js';
import { predicateMetric, rowLevelVerdict } from '../row-level.js';

/** Values have a named format: email, uuid, url, date, date-time, ipv4. Nulls are not considered. */
export const format: CheckKind<{ format: StringFormat }> = defineCheckKind<{ format: StringFormat }>({
  kind: 'format',
  scope: 'column',
  observes: 'counts',
  metrics: (def, ctx) => [predicateMetric(def, call('matches', col(def.column!), lit(FORMAT_PATTERNS[def.params.format])), ctx)],
  evaluate: (def, m, ctx) => rowLevelVerdict(def, m.value<FailuresValue>(format.metrics(def, ctx)[0]), `values are ${def.params.format}s`),
  describe: (def) => `${def.column} is a valid ${def.params.format}`,
});
