import type { Bound } from '../../model/check.js';
import type { Expr } from '../../model/expr.js';
import type { DriftMeasure } from '../../model/measure.js';
import type { MetricSpec, TopValuesValue } from '../../model/metric.js';
import type { Evaluation } from '../check-kind.js';
import { defineCheckKind } from '../check-kind.js';
import type { CheckKind } from '../check-kind.js';
import { columnType } from '../column-values.js';
import { valueCounts } from '../drift/binning.js';
import { binsOf, compare, isNumeric } from '../drift/compare.js';
import type { DriftMethod } from '../drift/compare.js';
import { describeBound, measuredBound, withinBound } from '../thresholds.js';

/** Where the reference distribution comes from: another dataset of the run (its column), or a baseline file. */
export type DriftAgainst = { dataset: string; column?: string } | { baseline: string };

export interface DriftParams {
  method: DriftMethod;
  against: DriftAgainst;
  on: 'statistic' | 'p_value';
  bound: Bound;
}

/**
 * Distinct values kept per side: drift is computed from exact value counts (the ECDF for KS, the
 * categories for chi-square), so a column with more distinct values ends `drift.too_many_values`
 * rather than being approximated. Measured: a Map of 100,000 distinct doubles with counts holds
 * 5.5 MB of heap, of 100,000 e-mail-like strings 12.4 MB (node --expose-gc, heapUsed after gc);
 * in SQL it is one GROUP BY.
 */
export const DRIFT_MAX_DISTINCT = 100_000;

const refColumn = (p: DriftParams, column: string) => ('dataset' in p.against ? (p.against.column ?? column) : column);

function specs(def: { column?: string; params: DriftParams }, where: Expr | undefined): MetricSpec[] {
  const column = def.column!;
  const current: MetricSpec = {
    kind: 'top_values',
    column,
    k: DRIFT_MAX_DISTINCT,
    maxDistinct: DRIFT_MAX_DISTINCT,
    ...(where && { where }),
  };
  const from = 'dataset' in def.params.against ? { dataset: def.params.against.dataset } : { baseline: def.params.against.baseline };
  const reference: MetricSpec = {
    kind: 'reference_distribution',
    column: refColumn(def.params, column),
    from,
    maxDistinct: DRIFT_MAX_DISTINCT,
  };
  return [current, reference];
}

const against = (p: DriftParams) => ('dataset' in p.against ? p.against.dataset : p.against.baseline);
const label = (p: DriftParams) => `${p.method} ${p.on === 'p_value' ? 'p-value' : 'statistic'}`;
const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x < 1e-4 && x > 0 ? x.toExponential(3) : String(Number(x.toPrecision(6))));

/**
 * Drift of a column's distribution from a reference, bounded on the statistic or on the p-value:
 * `t.column('Age').drift('ks', { dataset: 'titanic_reference' }).atMost(0.2)`. Both sides are the
 * exact value counts of non-null values (NaN left out); the statistics and binning are
 * src/checks/drift/. The current side honours `where`; the reference is the whole column.
 */
export const drift: CheckKind<DriftParams> = defineCheckKind<DriftParams>({
  kind: 'drift',
  scope: 'column',
  // The statistic and p-value are no values of the column; the charted bins are, and are left out on pii columns.
  observes: 'counts',
  metrics: (def, ctx) => specs(def, ctx.where),
  evaluate(def, m, ctx): Evaluation {
    const p = def.params;
    const type = columnType(ctx.contract, def.column);
    const [curSpec, refSpec] = specs(def, ctx.where);
    const expected = describeBound(p.bound);
    const base = {
      column: refColumn(p, def.column!),
      ...('dataset' in p.against ? { dataset: p.against.dataset } : { baseline: p.against.baseline }),
    };
    const error = (code: 'drift.too_many_values' | 'drift.no_values' | 'drift.unsupported_type', message: string): Evaluation => ({
      outcome: 'error',
      message,
      issue: { code, message, location: def.location },
    });
    if (p.method === 'ks' && !isNumeric(type)) {
      return error(
        'drift.unsupported_type',
        `ks compares numbers or dates; ${def.column} is ${type?.type ?? 'of an unknown type'}: use chi2, psi, kl or js`,
      );
    }
    const current = valueCounts(m.value<TopValuesValue>(curSpec));
    const reference = valueCounts(m.value<TopValuesValue>(refSpec));
    if (!current || !reference) {
      const side = !current ? def.column : `${against(p)}.${base.column}`;
      return error('drift.too_many_values', `${side} has more than ${DRIFT_MAX_DISTINCT} distinct values: drift needs exact value counts`);
    }
    if (current.total === 0 || reference.total === 0) {
      const side = current.total === 0 ? def.column : `${against(p)}.${base.column}`;
      return error('drift.no_values', `${side} has no non-null values to compare`);
    }
    const c = compare(p.method, current, reference, type);
    const pii = ctx.contract.columns[def.column!]?.pii === true;
    const observed = p.on === 'p_value' ? c.pValue! : c.statistic;
    const ok = withinBound(observed, p.bound);
    const pText =
      c.pValue !== undefined ? ` (p = ${fmt(c.pValue)}, ${c.pValueMethod === 'chi2' ? `chi-square, ${c.dof} df` : c.pValueMethod})` : '';
    const lead =
      p.on === 'p_value'
        ? `${p.method} p-value ${fmt(c.pValue!)} (statistic ${fmt(c.statistic)})`
        : `${p.method} ${fmt(c.statistic)}${pText}`;
    return {
      outcome: ok ? 'pass' : 'fail',
      // Structured, so every reporter shows the message, which states both the statistic and the p-value.
      observed: { statistic: c.statistic, ...(c.pValue !== undefined && { pValue: c.pValue }) },
      expected,
      message: `${lead} against ${against(p)}${ok ? '' : `, expected ${expected}`}`,
      measure: {
        type: 'drift',
        method: p.method,
        on: p.on,
        statistic: c.statistic,
        ...(c.pValue !== undefined && { pValue: c.pValue, pValueMethod: c.pValueMethod }),
        ...(c.dof !== undefined && { dof: c.dof }),
        reference: { ...base, count: reference.total },
        current: { count: current.total },
        ...(!pii && { bins: binsOf(c.binned, type) }),
        bound: measuredBound(p.bound),
      } satisfies DriftMeasure,
    };
  },
  describe: (def) => `${def.column} ${label(def.params)} against ${against(def.params)} ${describeBound(def.params.bound)}`,
});
