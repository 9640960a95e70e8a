/**
 * A saved baseline: what `datacheck baseline save` wrote for one dataset, committed beside the
 * suite and read by drift checks (`drift('psi', { baseline: 'baselines/orders.json' })`). Plain
 * JSON; values as the engines read them (dates and timestamps as epoch milliseconds).
 */
export interface BaselineFile {
  /** The format's version. */
  datacheckBaseline: 1;
  dataset: string;
  /** ISO instant it was saved. */
  savedAt: string;
  rowCount: number;
  columns: Record<string, BaselineColumn>;
}

export interface BaselineColumn {
  /** The contract's type, e.g. `float64`, `string`. */
  type: string;
  nullCount: number;
  /**
   * A pii column holds nothing but its null count: no values, no bin edges, no quantiles, so
   * committing a baseline never commits personal data.
   */
  pii?: true;
  /** Distinct non-null values ascending with their counts; absent when pii or `truncated`. */
  values?: [string | number | boolean, number][];
  /** More distinct values than a baseline keeps: no `values`, so KS and chi-square cannot use it. */
  truncated?: true;
  /** Numbers and dates: 10 equal-width bins from min to max (11 edges; the last bin includes max). */
  histogram?: { edges: number[]; counts: number[] };
  /** Numbers and dates: linear-interpolated quantiles (numpy's default) at `probs`. */
  quantiles?: { probs: number[]; values: number[] };
}
