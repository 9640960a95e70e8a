import type { LogicalType } from '../../model/contract.js';
import type { FailuresValue, PhysicalColumn } from '../../model/metric.js';
import { defineCheckKind } from '../check-kind.js';
import type { CheckKind } from '../check-kind.js';
import { isCompatible, typeText } from '../type-compat.js';
import { rowLevelVerdict } from '../row-level.js';

/**
 * The column has the contract's type: the data's own type is compatible (typed formats), and
 * every value parsed as that type (text formats: each value that did not parse is a failing row,
 * with its line).
 */
export const columnType: CheckKind<{ type: LogicalType }> = defineCheckKind<{ type: LogicalType }>({
  kind: 'column_type',
  scope: 'column',
  observes: 'counts',
  acceptsWhere: false,
  metrics: (def, ctx) => [{ kind: 'schema' }, { kind: 'parse_failures', column: def.column!, sampleSize: ctx.sampleSize }],
  evaluate(def, m, ctx) {
    const expected = typeText(def.params.type);
    const physical = m.value<{ columns: PhysicalColumn[] }>({ kind: 'schema' }).columns.find((c) => c.name === def.column);
    if (physical?.logical && physical.arrowType !== 'Null' && !isCompatible(def.params.type, physical.logical)) {
      return {
        outcome: 'fail',
        observed: typeText(physical.logical),
        expected,
        message: `the data's type is ${typeText(physical.logical)} (${physical.arrowType}), the contract says ${expected}`,
        measure: { type: 'type', expected, found: typeText(physical.logical) },
      };
    }
    if (physical && !physical.logical && physical.arrowType !== 'Null') {
      return {
        outcome: 'fail',
        observed: physical.arrowType,
        expected,
        message: `the data's type ${physical.arrowType} has no datacheck equivalent; the contract says ${expected}`,
        measure: { type: 'type', expected, found: physical.arrowType },
      };
    }
    const failures = m.value<FailuresValue>(columnType.metrics(def, ctx)[1]);
    const verdict = rowLevelVerdict(def, failures, `every value is a ${expected}`);
    if (verdict.outcome === 'fail') verdict.message = `${failures.failed} values are not ${expected} (of ${failures.considered})`;
    return verdict;
  },
  describe: (def) => `${def.column} is ${typeText(def.params.type)}`,
});
