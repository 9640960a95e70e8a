import type { PhysicalColumn } from '../../model/metric.js';
import { defineCheckKind } from '../check-kind.js';
import type { CheckKind } from '../check-kind.js';
import { listText } from '../column-values.js';

interface SchemaParams {
  /** Columns the contract declares and the suites use: each must be in the data. */
  required: string[];
  /** The contract's columns: with `extraColumns: 'forbid'`, any other column in the data fails. */
  declared: string[];
  extraColumns: 'allow' | 'forbid';
}

/** The data has the columns the contract and its suites name (and no others, when forbidden). */
export const schema: CheckKind<SchemaParams> = defineCheckKind<SchemaParams>({
  kind: 'schema',
  scope: 'dataset',
  observes: 'counts',
  alwaysSelected: true,
  acceptsWhere: false,
  metrics: () => [{ kind: 'schema' }],
  evaluate(def, m) {
    const actual = m.value<{ columns: PhysicalColumn[] }>({ kind: 'schema' }).columns.map((c) => c.name);
    const present = new Set(actual);
    const missing = def.params.required.filter((c) => !present.has(c));
    const declared = new Set(def.params.declared);
    const extra = def.params.extraColumns === 'forbid' ? actual.filter((c) => !declared.has(c)) : [];
    const problems = [
      ...(missing.length ? [`missing column${missing.length > 1 ? 's' : ''} ${listText(missing, 20)}`] : []),
      ...(extra.length ? [`unexpected column${extra.length > 1 ? 's' : ''} ${listText(extra, 20)}`] : []),
    ];
    return {
      outcome: problems.length ? 'fail' : 'pass',
      observed: { columns: actual, ...(missing.length && { missing }), ...(extra.length && { unexpected: extra }) },
      expected:
        def.params.extraColumns === 'forbid'
          ? `exactly ${listText(def.params.declared, 20)}`
          : `at least ${listText(def.params.required, 20)}`,
      message: problems.length ? problems.join('; ') : `all ${def.params.required.length} columns present`,
      measure: { type: 'schema', columns: actual, missing, unexpected: extra },
    };
  },
  describe: (def) => (def.params.extraColumns === 'forbid' ? 'columns match the contract exactly' : 'columns of the contract are present'),
});
