import type { PiiKind } from './pii.js';
import type { Approximation } from './metric.js';

/**
 * What a check measured and what it was held to, as plain data, so reporters and other tools read
 * numbers instead of parsing messages. One shape per family of checks, told apart by `type`.
 * On a pii column every value taken from the data (a min, a newest timestamp) is the mask `***`,
 * exactly as in `observed`; counts and shares stay.
 */
export type Measure =
  | RowsMeasure
  | StatisticMeasure
  | CountMeasure
  | FreshnessMeasure
  | SchemaMeasure
  | TypeMeasure
  | ChangeMeasure
  | AnomalyMeasure
  | DriftMeasure
  | PiiMeasure
  | ReconcileMeasure
  | KeysMeasure
  | ValueSetMeasure;

/**
 * reconcile: a row count or a sum here against the same of another dataset. Passes when
 * |difference| <= allowed, where allowed = max(tolerance.absolute, tolerance.relative × |other.value|).
 */
export interface ReconcileMeasure {
  type: 'reconcile';
  of: 'rows' | 'sum';
  /** The summed column here (sum only). */
  column?: string;
  value: number | string;
  other: { dataset: string; column?: string; value: number | string };
  /** value − other.value. */
  difference: number | string;
  tolerance: { absolute: number; relative: number };
  /** The largest |difference| that passes. */
  allowed: number | string;
}

/**
 * keys_match: the distinct keys here and in another dataset, those of the other missing here and
 * those here the other lacks, with a few of each (masked when a key column is pii).
 */
export interface KeysMeasure {
  type: 'keys';
  columns: string[];
  other: { dataset: string; columns: string[] };
  keys: number;
  otherKeys: number;
  missing: { count: number; sample: Record<string, unknown>[] };
  extra: { count: number; sample: Record<string, unknown>[] };
}

/** A bound as written in the check: `null` is an open end; inclusive unless `strict`. */
export interface MeasuredBound {
  min: number | string | null;
  max: number | string | null;
  strict: boolean;
}

/**
 * Row-level checks (not_null, unique, accepted_values, range, pattern, format, references, the
 * values of column_type...): the rows considered, the rows that failed, and the share that had to pass.
 */
export interface RowsMeasure {
  type: 'rows';
  considered: number;
  failed: number;
  /** Share of considered rows that must pass, 0..1 (1 unless the check set `mostly`). */
  mostly: number;
}

/**
 * no_pii: the rows considered, those holding personal data, the share that had to be free of it,
 * and per kind the rows where that kind was found (only the asked kinds appear).
 */
export interface PiiMeasure {
  type: 'pii';
  considered: number;
  failed: number;
  mostly: number;
  found: Partial<Record<PiiKind, number>>;
}

/** column_stat: a statistic of a column and the bound it was checked against. */
export interface StatisticMeasure {
  type: 'statistic';
  /**
   * `min`, `max`, `sum`, `mean`, `stddev`, `median`, `quantile`, `distinct_count`, `distinct_ratio`, `null_count`, `null_ratio`, `share`,
   * `entropy`, `min_length`, `max_length`, `mean_length`; `sql` for an SQL rule's value.
   */
  statistic: string;
  /** The probability of a quantile, 0..1 (0.5 for the median). */
  p?: number;
  /** The value whose share was measured (`share`). */
  shareOf?: string | number | boolean;
  /** The statistic's value (dates and timestamps as ISO text); null when it has none (no values). */
  value: number | string | null;
  bound: MeasuredBound;
  /** Present when the check asked for an estimate (`{ approximate: true }`): how it was made and its error bound. */
  approximate?: Approximation;
}

/**
 * most_common and distinct_values: the column's set of values (or its most frequent ones) against
 * the values the check lists. Lists are bounded (the first 20, in value order, with full counts
 * beside them); on a pii column every listed value is the mask `***`.
 */
export interface ValueSetMeasure {
  type: 'value_set';
  /** `most_common`: the values tied at the highest count; `distinct`: every distinct non-null value. */
  of: 'most_common' | 'distinct';
  /** `one_of` (most common value in the list), `within` (subset), `contains` (superset), `equals`. */
  rule: 'one_of' | 'within' | 'contains' | 'equals';
  /** Distinct non-null values of the column. */
  distinct: number;
  /** most_common: the tied values and their count. */
  mostCommon?: { values: (string | number | boolean)[]; count: number };
  /** Listed values the column lacks (contains, equals). */
  missing: (string | number | boolean)[];
  missingCount: number;
  /** Column values outside the list (within, equals, one_of). */
  unexpected: (string | number | boolean)[];
  unexpectedCount: number;
}

/** row_count and column_count: how many there were, and the bound. */
export interface CountMeasure {
  type: 'count';
  of: 'rows' | 'columns';
  value: number;
  bound: MeasuredBound;
}

/** freshness: the newest value, how old it was when the run started, and the limit. */
export interface FreshnessMeasure {
  type: 'freshness';
  /** ISO instant of the newest value; null when the column has no values. */
  newest: string | null;
  /** Milliseconds between `newest` and `now`; absent with no values, or masked (pii). */
  ageMs?: number;
  /** The allowed age in milliseconds (`within`, as a number). */
  withinMs: number;
  /** The instant the run started, which the age is measured from. */
  now: string;
  /** `file`: `newest` is the newest modification time of the source files, not a column's value. */
  of?: 'file';
}

/** schema: the data's columns in order, those the contract needs that are missing, those it forbids. */
export interface SchemaMeasure {
  type: 'schema';
  columns: string[];
  missing: string[];
  unexpected: string[];
}

/** column_type when the data's own type differs from the contract's. */
export interface TypeMeasure {
  type: 'type';
  /** The contract's type, e.g. `int64`. */
  expected: string;
  /** The data's type: datacheck's name for it, or the Arrow type when it has none. */
  found: string;
}

/**
 * change: a tracked metric against an earlier run's value. `baseline` is null when the history has
 * no usable earlier value (the check then passes with a note).
 */
export interface ChangeMeasure {
  type: 'change';
  /** The tracked metric's name (see TrackedMetric). */
  metric: string;
  value: number;
  baseline: number | null;
  /** The earlier run the baseline comes from. */
  baselineRun?: { runId: string; at: string };
  /** value - baseline, or (value - baseline) / |baseline| when `relative`; null without a baseline. */
  change: number | null;
  relative: boolean;
  /** Whether the bound holds the size of the change (`atMost`) or its signed value (`between`). */
  magnitude: boolean;
  bound: MeasuredBound;
  /** How far back the baseline is taken (`over`), in milliseconds; absent: the previous run. */
  overMs?: number;
}

/**
 * anomaly: a tracked metric against a band around the median of its recent values, scaled by
 * their median absolute deviation. `band` is null when there were fewer than `minRuns` values.
 */
export interface AnomalyMeasure {
  type: 'anomaly';
  metric: string;
  value: number;
  /** How many earlier values the band was made from. */
  runs: number;
  median: number | null;
  /** The robust spread used: 1.4826 x MAD, or 1.2533 x mean absolute deviation when MAD is 0. */
  spread: number | null;
  band: { min: number; max: number } | null;
  sensitivity: number;
  /** `weekday`: only earlier runs on the same UTC weekday were compared. */
  seasonality?: 'weekday';
}

/**
 * drift: how far a column's distribution moved from a reference (another dataset of the run or a
 * saved baseline), the test's p-value where it has one, and the bound, which holds `on` the
 * statistic or the p-value.
 */
export interface DriftMeasure {
  type: 'drift';
  /** `ks` (two-sample Kolmogorov-Smirnov), `chi2` (chi-square of homogeneity), `psi`, `kl`, `js`. */
  method: 'ks' | 'chi2' | 'psi' | 'kl' | 'js';
  /** What the bound holds: the statistic (`atMost(0.2)`) or the p-value (`pValue().atLeast(0.01)`). */
  on: 'statistic' | 'p_value';
  /** null when it has none (a side without values). */
  statistic: number | null;
  /** ks and chi2 only. */
  pValue?: number | null;
  /** ks: `exact` (lattice paths) or `asymptotic` (Kolmogorov's limit); chi2: `chi2` (the chi-square distribution). */
  pValueMethod?: 'exact' | 'asymptotic' | 'chi2';
  /** chi2: degrees of freedom (categories - 1). */
  dof?: number;
  /** What it was compared with, and how many non-null values each side had. */
  reference: { dataset?: string; baseline?: string; column: string; count: number };
  current: { count: number };
  /**
   * Both distributions over the same bins, for charts: 10 equal-width bins over the reference's
   * range (numbers, dates) or one per category. Absent on pii columns: the edges and categories
   * are values from the data.
   */
  bins?: DriftBins;
  bound: MeasuredBound;
}

export interface DriftBins {
  kind: 'numeric' | 'categorical';
  /** One label per bin: a range `[lo, hi)` or a category, as text (dates as ISO). */
  labels: string[];
  reference: number[];
  current: number[];
}
