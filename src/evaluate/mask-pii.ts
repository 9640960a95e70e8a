import type { Evaluation, Observes } from '../checks/check-kind.js';
import type { ContractDef } from '../model/contract.js';
import type { Measure } from '../model/measure.js';
import type { FailingRow } from '../model/metric.js';

export const MASK = '***';

/** Columns whose values must never leave the process. */
export function piiColumns(contract: ContractDef): Set<string> {
  return new Set(
    Object.entries(contract.columns)
      .filter(([, c]) => c.pii)
      .map(([name]) => name),
  );
}

/** Failing rows with every pii column's value replaced by the mask (nulls stay visible as null). */
export function maskRows(rows: FailingRow[] | undefined, pii: Set<string>): FailingRow[] | undefined {
  if (!rows || pii.size === 0) return rows;
  return rows.map((r) => ({
    ...r,
    values: Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, pii.has(k) && v !== null ? MASK : v])),
  }));
}

/**
 * The observation of a check on a pii column, with values from the data masked when its kind
 * observes values (a min, a mean, a newest timestamp; see CheckKind.observes): the observed value,
 * the message that would quote it, and the same values in the structured measure.
 */
export function maskObservation(observes: Observes, ev: Evaluation): Pick<Evaluation, 'observed' | 'message' | 'measure'> {
  if (observes !== 'values' || ev.observed === undefined || ev.observed === null) {
    return { ...(ev.observed !== undefined && { observed: ev.observed }), message: ev.message, ...(ev.measure && { measure: ev.measure }) };
  }
  const message =
    ev.outcome === 'pass'
      ? 'within the bound (value masked: pii column)'
      : `outside the bound${ev.expected ? `: expected ${ev.expected}` : ''} (value masked: pii column)`;
  return { observed: MASK, message, ...(ev.measure && { measure: maskMeasure(ev.measure) }) };
}

/** A measure with its values from the data masked; counts, bounds and limits stay. */
function maskMeasure(measure: Measure): Measure {
  if (measure.type === 'statistic' && measure.value !== null) return { ...measure, value: MASK };
  if (measure.type === 'freshness' && measure.newest !== null) {
    const { ageMs: _age, ...rest } = measure;
    return { ...rest, newest: MASK };
  }
  if (measure.type === 'reconcile') {
    return { ...measure, value: MASK, other: { ...measure.other, value: MASK }, difference: MASK, allowed: MASK };
  }
  if (measure.type === 'value_set') {
    const masked = (values: unknown[]) => values.map(() => MASK);
    return {
      ...measure,
      missing: masked(measure.missing),
      unexpected: masked(measure.unexpected),
      ...(measure.mostCommon && { mostCommon: { ...measure.mostCommon, values: masked(measure.mostCommon.values) } }),
    };
  }
  return measure;
}
