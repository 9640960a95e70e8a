import type { Bound } from '../../model/check.js';
import { defineCheckKind } from '../check-kind.js';
import type { CheckKind } from '../check-kind.js';
import { describeBound, measuredBound, withinBound } from '../thresholds.js';

export interface SqlRuleParams {
  /** A SELECT whose first value is compared; the dataset is visible under its own name (and `{model}`, `${table}`). */
  query: string;
  bound: Bound;
  /** mustNotBe / mustNotBeBetween: the value must lie outside the bound. */
  outside?: boolean;
}

/**
 * An ODCS `type: sql` quality rule: the first value of the user's query is held to a bound. It
 * runs where the data lives (DuckDB or PostgreSQL); the query may read any column, so when the
 * contract marks a column pii the value itself is not reported, only the verdict.
 */
export const sqlRule: CheckKind<SqlRuleParams> = defineCheckKind<SqlRuleParams>({
  kind: 'sql_rule',
  scope: 'dataset',
  observes: 'values',
  acceptsWhere: false,
  metrics: (def, ctx) => [{ kind: 'sql_scalar', query: def.params.query, table: ctx.contract.name }],
  evaluate(def, m, ctx) {
    const value = m.value<number | string | null>(sqlRule.metrics(def, ctx)[0]);
    const expected = `${def.params.outside ? 'not ' : ''}${describeBound(def.params.bound)}`;
    const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
    const hidden = Object.values(ctx.contract.columns).some((c) => c.pii);
    const shown = hidden ? 'the value (hidden: the contract has pii columns)' : String(value);
    if (Number.isNaN(number)) {
      return { outcome: 'fail', expected, message: `the query gave ${hidden ? 'a value that is not a number' : `${shown}, not a number`}` };
    }
    const ok = withinBound(number, def.params.bound) !== (def.params.outside ?? false);
    return {
      outcome: ok ? 'pass' : 'fail',
      ...(!hidden && { observed: number }),
      expected,
      message: `the query gave ${shown}${ok ? '' : `, expected ${expected}`}`,
      ...(!hidden && { measure: { type: 'statistic' as const, statistic: 'sql', value: number, bound: measuredBound(def.params.bound) } }),
    };
  },
  describe: (def) =>
    `SQL ${def.params.query.trim().replace(/\s+/g, ' ').slice(0, 80)} ${def.params.outside ? 'not ' : ''}${describeBound(def.params.bound)}`,
});
