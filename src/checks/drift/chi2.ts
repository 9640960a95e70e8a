import gammainc from '@stdlib/math-base-special-gammainc';

/**
 * Pearson's chi-square test of homogeneity on the 2 x k table of category counts (reference row,
 * current row), as scipy.stats.chi2_contingency computes it: expected counts from the margins,
 * Yates' continuity correction when there is one degree of freedom (scipy's default), and the
 * p-value from the chi-square distribution with k - 1 degrees of freedom, as the regularized
 * upper incomplete gamma function Q(dof/2, x/2) (stdlib's gammainc, accurate in the far tail
 * where 1 - CDF would round to 0).
 */
export interface Chi2Result {
  statistic: number;
  pValue: number;
  dof: number;
}

export function chi2Homogeneity(reference: number[], current: number[]): Chi2Result | null {
  const k = reference.length;
  const refTotal = reference.reduce((s, x) => s + x, 0);
  const curTotal = current.reduce((s, x) => s + x, 0);
  if (refTotal === 0 || curTotal === 0) return null;
  const total = refTotal + curTotal;
  const dof = k - 1;
  if (dof === 0) return { statistic: 0, pValue: 1, dof };
  let statistic = 0;
  for (const [row, rowTotal] of [
    [reference, refTotal],
    [current, curTotal],
  ] as const) {
    for (let j = 0; j < k; j++) {
      const expected = (rowTotal * (reference[j] + current[j])) / total;
      let diff = row[j] - expected;
      if (dof === 1) diff = Math.sign(diff) * Math.max(0, Math.abs(diff) - 0.5);
      statistic += (diff * diff) / expected;
    }
  }
  return { statistic, pValue: gammainc(statistic / 2, dof / 2, true, true), dof };
}
