/**
 * What a check measured and what it was held to, as plain data, so reporters and other tools read
 * numbers instead of parsing messages. One shape per family of checks, told apart by `type`.
 * On a pii column every value taken from the data (a min, a newest timestamp) is the mask `***`,
 * exactly as in `observed`; counts and shares stay.
 */
export type Measure = RowsMeasure | StatisticMeasure | CountMeasure | FreshnessMeasure | SchemaMeasure | TypeMeasure;

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

/** column_stat: a statistic of a column and the bound it was checked against. */
export interface StatisticMeasure {
  type: 'statistic';
  /** `min`, `max`, `sum`, `mean`, `stddev`, `median`, `quantile`, `distinct_count`, `distinct_ratio`, `null_count`, `null_ratio`, `share`; `sql` for an SQL rule's value. */
  statistic: string;
  /** The probability of a quantile, 0..1 (0.5 for the median). */
  p?: number;
  /** The value whose share was measured (`share`). */
  shareOf?: string | number | boolean;
  /** The statistic's value (dates and timestamps as ISO text); null when it has none (no values). */
  value: number | string | null;
  bound: MeasuredBound;
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
