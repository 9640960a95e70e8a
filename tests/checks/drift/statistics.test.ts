import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { binCategories, binNumbers, divergences, valueCounts } from '../../../src/checks/drift/binning.js';
import type { ValueCounts } from '../../../src/checks/drift/binning.js';
import { chi2Homogeneity } from '../../../src/checks/drift/chi2.js';
import { kolmogorovSf, ksTwoSample } from '../../../src/checks/drift/ks.js';
import { sharedPath } from '../../support/shared-dir.js';

/**
 * Every drift statistic against scipy 1.17.1 on the seaborn titanic data (male passengers the
 * reference, female the current), from titanic-reference-values.json: computed once by
 * reference-values.py beside it, which this suite never runs.
 */
const reference = JSON.parse(readFileSync(path.join(__dirname, 'titanic-reference-values.json'), 'utf8'));
const rows: Record<string, string>[] = parse(readFileSync(sharedPath('datasets', 'seaborn-data', 'titanic.csv')), { columns: true });

/** A column's exact value counts over one side, as the top_values metric would give them. */
function counts(sex: string, column: string, asNumber: boolean): ValueCounts {
  const tally = new Map<string | number, number>();
  for (const r of rows) {
    if (r.sex !== sex || r[column] === '') continue;
    const v = asNumber ? Number(r[column]) : r[column];
    tally.set(v, (tally.get(v) ?? 0) + 1);
  }
  return valueCounts({ top: [...tally].map(([value, count]) => ({ value, count })), truncated: false })!;
}

/** Relative difference, the measure the issue asks to hold under 1e-9. */
const close = (actual: number, expected: number, tolerance = 1e-9) =>
  expect(Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE), `${actual} vs ${expected}`).toBeLessThan(tolerance);

describe('drift statistics match scipy', () => {
  for (const column of ['age', 'fare']) {
    const want = reference.numeric[column];
    const [ref, cur] = [counts('male', column, true), counts('female', column, true)];
    const numbers = (d: ValueCounts) => ({ values: d.values as number[], counts: d.counts });

    it(`${column}: the KS statistic and its exact p-value (scipy ks_2samp, method='exact')`, () => {
      const ks = ksTwoSample(numbers(cur), numbers(ref))!;
      expect([cur.total, ref.total]).toEqual([want.n_current, want.n_reference]);
      close(ks.statistic, want.ks.statistic);
      expect(ks.pValueMethod).toBe('exact');
      close(ks.pValue, want.ks.p_exact);
    });

    it(`${column}: the asymptotic p-value is Kolmogorov's limit (scipy kstwobign.sf)`, () => {
      const en = (cur.total * ref.total) / (cur.total + ref.total);
      close(kolmogorovSf(Math.sqrt(en) * want.ks.statistic), want.ks.p_asymptotic_kolmogorov);
    });

    it(`${column}: ten equal-width bins over the reference's range, then PSI, KL and JS`, () => {
      const binned = binNumbers(ref, cur);
      expect(binned.reference).toEqual(want.bins.reference);
      expect(binned.current).toEqual(want.bins.current);
      const d = divergences(binned);
      close(d.psi, want.psi);
      close(d.kl, want.kl);
      close(d.js, want.js);
    });
  }

  for (const column of ['embarked', 'class', 'alive']) {
    const want = reference.categorical[column];
    it(`${column}: chi-square of homogeneity (scipy chi2_contingency${want.chi2.dof === 1 ? ", Yates' correction" : ''}), PSI, KL, JS`, () => {
      const binned = binCategories(counts('male', column, false), counts('female', column, false));
      expect(binned.categories).toEqual(want.categories);
      expect([binned.reference, binned.current]).toEqual([want.reference, want.current]);
      const chi2 = chi2Homogeneity(binned.reference, binned.current)!;
      expect(chi2.dof).toBe(want.chi2.dof);
      close(chi2.statistic, want.chi2.statistic);
      close(chi2.pValue, want.chi2.p);
      const d = divergences(binned);
      close(d.psi, want.psi);
      close(d.kl, want.kl);
      close(d.js, want.js);
    });
  }

  it('the exact KS p-value of small unequal samples with ties', () => {
    const tally = (xs: number[]) => {
      const values = [...new Set(xs)].sort((a, b) => a - b);
      return { values, counts: values.map((v) => xs.filter((x) => x === v).length) };
    };
    const ks = ksTwoSample(tally(reference.small.a), tally(reference.small.b))!;
    close(ks.statistic, reference.small.statistic);
    close(ks.pValue, reference.small.p_exact);
  });

  it('identical samples have no drift; an empty side has no statistic', () => {
    const same = { values: [1, 2, 3], counts: [4, 5, 6] };
    expect(ksTwoSample(same, same)).toEqual({ statistic: 0, pValue: 1, pValueMethod: 'exact' });
    expect(ksTwoSample(same, { values: [], counts: [] })).toBeNull();
    expect(chi2Homogeneity([3, 4], [0, 0])).toBeNull();
  });

  it('past 10,000 values the p-value is asymptotic', () => {
    const big = { values: [0, 1], counts: [6000, 6000] };
    const other = { values: [0, 1], counts: [6500, 5500] };
    const ks = ksTwoSample(big, other)!;
    expect(ks.pValueMethod).toBe('asymptotic');
    close(ks.statistic, 500 / 12000, 1e-12);
    close(ks.pValue, kolmogorovSf(Math.sqrt(6000) * (500 / 12000)), 1e-12);
  });
});
