import type { LogicalType } from '../../model/contract.js';
import type { DriftBins, DriftMeasure } from '../../model/measure.js';
import { display, isTemporal } from '../column-values.js';
import { binCategories, binNumbers, divergences } from './binning.js';
import type { Binned, ValueCounts } from './binning.js';
import { chi2Homogeneity } from './chi2.js';
import { ksTwoSample } from './ks.js';

export type DriftMethod = DriftMeasure['method'];
export const DRIFT_METHODS: readonly DriftMethod[] = ['ks', 'chi2', 'psi', 'kl', 'js'];
/** Methods with a p-value (tests); PSI, KL and JS are divergences without one. */
export const TESTED_METHODS: readonly DriftMethod[] = ['ks', 'chi2'];

/** Columns compared as numbers (KS, and binned for PSI/KL/JS): numbers, dates and timestamps. */
export function isNumeric(type: LogicalType | undefined): boolean {
  return type?.type === 'int' || type?.type === 'float' || type?.type === 'decimal' || isTemporal(type);
}

export interface Comparison {
  statistic: number;
  pValue?: number;
  pValueMethod?: DriftMeasure['pValueMethod'];
  dof?: number;
  binned: Binned;
}

/**
 * One drift method on two exact distributions. KS compares the ECDFs of the values themselves;
 * chi-square the counts per category (every column is categories to it); PSI, KL and JS the
 * proportions per bin: the reference's 10 equal-width bins for numbers and dates, one bin per
 * category otherwise. The binned counts come back for the charts whatever the method.
 */
export function compare(method: DriftMethod, current: ValueCounts, reference: ValueCounts, type: LogicalType | undefined): Comparison {
  const numeric = isNumeric(type);
  const binned = numeric && method !== 'chi2' ? binNumbers(reference, current) : binCategories(reference, current);
  if (method === 'ks') {
    const asNumbers = (d: ValueCounts) => ({ values: d.values as number[], counts: d.counts });
    const ks = ksTwoSample(asNumbers(current), asNumbers(reference))!;
    return { statistic: ks.statistic, pValue: ks.pValue, pValueMethod: ks.pValueMethod, binned };
  }
  if (method === 'chi2') {
    const chi2 = chi2Homogeneity(binned.reference, binned.current)!;
    return { statistic: chi2.statistic, pValue: chi2.pValue, pValueMethod: 'chi2', dof: chi2.dof, binned };
  }
  return { statistic: divergences(binned)[method], binned };
}

/** The binned counts as the measure carries them: a label per bin (ranges, or categories), dates as ISO. */
export function binsOf(binned: Binned, type: LogicalType | undefined): DriftBins {
  const show = (v: unknown) => String(display(v, type));
  const labels =
    binned.kind === 'numeric'
      ? binned
          .edges!.slice(0, -1)
          .map((lo, i) => `[${show(lo)}, ${show(binned.edges![i + 1])}${i === binned.edges!.length - 2 ? ']' : ')'}`)
      : binned.categories!.map(show);
  return { kind: binned.kind, labels, reference: binned.reference, current: binned.current };
}
