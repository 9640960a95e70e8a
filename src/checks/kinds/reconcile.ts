import type { MetricSpec, MomentsValue } from '../../model/metric.js';
import type { ReconcileMeasure } from '../../model/measure.js';
import type { Evaluation } from '../check-kind.js';
import { defineCheckKind } from '../check-kind.js';
import type { CheckKind } from '../check-kind.js';
import { readOrError } from '../read-or-error.js';
import { maskObservation } from '../../evaluate/mask-pii.js';

/** Absolute and relative tolerance, both stated (0 when not given). */
export interface Tolerance {
  absolute: number;
  relative: number;
}

export interface ReconcileParams {
  /** What is compared: the row count, or the sum of `def.column` here and `otherColumn` there. */
  metric: 'row_count' | 'sum';
  dataset: string;
  otherColumn?: string;
  tolerance: Tolerance;
}

const otherColumn = (def: { column?: string; params: ReconcileParams }) => def.params.otherColumn ?? def.column!;

function specs(def: { column?: string; params: ReconcileParams }): [MetricSpec, MetricSpec] {
  const p = def.params;
  const here: MetricSpec = p.metric === 'row_count' ? { kind: 'row_count' } : { kind: 'moments', column: def.column! };
  const there: MetricSpec = p.metric === 'row_count' ? { kind: 'row_count' } : { kind: 'moments', column: otherColumn(def) };
  return [here, { kind: 'dataset_metric', dataset: p.dataset, metric: there }];
}

const numberOf = (value: number | MomentsValue) => (typeof value === 'number' ? value : value.sum);
const fmt = (x: number) => (Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(12))));

/** The allowed |difference|: the looser of the absolute tolerance and the relative one times |there|. */
export function allowedDifference(tolerance: Tolerance, there: number): number {
  return Math.max(tolerance.absolute, tolerance.relative * Math.abs(there));
}

export function describeTolerance(t: Tolerance): string {
  const parts = [...(t.absolute > 0 ? [`±${fmt(t.absolute)}`] : []), ...(t.relative > 0 ? [`±${fmt(t.relative * 100)}%`] : [])];
  return parts.length === 0 ? 'exactly' : `within ${parts.join(' or ')}`;
}

/**
 * Reconciliation of a row count or a sum with another dataset of the run, which may be read on
 * another connection: `t.rowCount().equalsDataset('orders_raw')`,
 * `t.column('amount').sum().equalsDataset('ledger', 'amount', { tolerance: 0.01 })`. Passes when
 * |here − there| ≤ max(absolute, relative × |there|). The sum is over non-null, non-NaN values;
 * a side with none sums to 0. `where` filters this side only.
 */
export const reconcile: CheckKind<ReconcileParams> = defineCheckKind<ReconcileParams>({
  kind: 'reconcile',
  scope: 'column',
  observes: (p) => (p.metric === 'sum' ? 'values' : 'counts'),
  metrics: (def, ctx) => {
    const [here, there] = specs(def);
    return [{ ...here, ...(ctx.where && { where: ctx.where }) } as MetricSpec, there];
  },
  evaluate(def, m, ctx): Evaluation {
    const [hereSpec, thereSpec] = reconcile.metrics(def, ctx);
    const a = readOrError<number | MomentsValue>(m, hereSpec, def.location);
    if (!a.ok) return a.error;
    const b = readOrError<number | MomentsValue>(m, thereSpec, def.location);
    if (!b.ok) return b.error;
    const [here, there] = [numberOf(a.value), numberOf(b.value)];
    const evaluation = judge(def, here, there);
    // The other dataset marks its column pii: its sum is masked as this side's would be (maskObservation).
    const otherPii = typeof b.value === 'object' && b.value.pii === true;
    return otherPii && evaluation.measure ? { ...evaluation, ...maskObservation('values', evaluation) } : evaluation;
  },
  describe: (def) =>
    `${def.params.metric === 'row_count' ? 'row count' : `${def.column} sum`} equals ${def.params.dataset}${def.params.metric === 'sum' ? `.${otherColumn(def)}` : ''} ${describeTolerance(def.params.tolerance)}`,
});

/** The comparison of the two values, with both of them, the difference and what was allowed. */
function judge(def: { column?: string; params: ReconcileParams }, here: number, there: number): Evaluation {
  const p = def.params;
  const difference = here - there;
  const allowed = allowedDifference(p.tolerance, there);
  const ok = Math.abs(difference) <= allowed;
  const what = p.metric === 'row_count' ? 'rows' : `sum of ${def.column}`;
  const where = p.metric === 'row_count' ? p.dataset : `${p.dataset}.${otherColumn(def)}`;
  const expected = `equal to ${where} ${describeTolerance(p.tolerance)}`;
  return {
    outcome: ok ? 'pass' : 'fail',
    observed: { value: here, other: there, difference },
    expected,
    message: `${what} ${fmt(here)}, ${where} ${fmt(there)}: difference ${fmt(difference)}${ok ? '' : `, expected ${describeTolerance(p.tolerance)}`}`,
    measure: {
      type: 'reconcile',
      of: p.metric === 'row_count' ? 'rows' : 'sum',
      ...(p.metric === 'sum' && { column: def.column! }),
      value: here,
      other: { dataset: p.dataset, ...(p.metric === 'sum' && { column: otherColumn(def) }), value: there },
      difference,
      tolerance: { ...p.tolerance },
      allowed,
    } satisfies ReconcileMeasure,
  };
}
