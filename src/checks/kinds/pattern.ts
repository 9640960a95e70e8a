import type { FailuresValue } from '../../model/metric.js';
import { call, col, lit, not } from '../../expr/build.js';
import { defineCheckKind } from '../check-kind.js';
import type { CheckKind } from '../check-kind.js';
import { predicateMetric, rowLevelVerdict } from '../row-level.js';

/** Values match (or, negated, never match) a regular expression. Nulls are not considered. */
export const pattern: CheckKind<{ pattern: string; flags?: string; negate: boolean }> = defineCheckKind<{
  pattern: string;
  flags?: string;
  negate: boolean;
}>({
  kind: 'pattern',
  scope: 'column',
  observes: 'counts',
  metrics(def, ctx) {
    const args = [col(def.column!), lit(def.params.pattern), ...(def.params.flags ? [lit(def.params.flags)] : [])];
    const matches = call('matches', ...args);
    return [predicateMetric(def, def.params.negate ? not(matches) : matches, ctx)];
  },
  evaluate: (def, m, ctx) =>
    rowLevelVerdict(def, m.value<FailuresValue>(pattern.metrics(def, ctx)[0]), pattern.describe(def).replace(`${def.column} `, 'values ')),
  describe: (def) => `${def.column} ${def.params.negate ? 'does not match' : 'matches'} /${def.params.pattern}/${def.params.flags ?? ''}`,
});
