import type { Scalar } from './contract.js';
import type { Expr } from './expr.js';
import type { Issue } from './issue.js';
import type { PiiCounts, PiiKind } from './pii.js';

/**
 * What a check needs from the data, as plain data. Engines implement metrics, never checks.
 * Every spec has one canonical key (src/plan/metric-key.ts) so equal specs are computed once.
 * `where` is a parsed filter (see model/expr.ts): rows where it is not true are left out.
 */
export type MetricSpec =
  | { kind: 'row_count'; where?: Expr }
  /** Nulls in the column (for floats: NaN is not null). */
  | { kind: 'null_count'; column: string; where?: Expr }
  /** min/max of numbers, dates, timestamps (epoch ms as number) and strings (code-unit order). */
  | { kind: 'min' | 'max'; column: string; where?: Expr }
  /** Count, sum, mean and M2 over non-null, non-NaN numbers (per-batch moments merged with Chan's formula). */
  | { kind: 'moments'; column: string; where?: Expr }
  /** Exact linear-interpolated quantiles (numpy default / quantile_cont) over non-null numbers. */
  | { kind: 'quantiles'; column: string; probs: number[]; where?: Expr }
  /** Distinct non-null values (one column) or distinct keys (rows where every key column is non-null). */
  | { kind: 'distinct_count'; columns: string[]; where?: Expr }
  /** Rows whose (non-null) key occurs more than once, with a sample of those rows. */
  | { kind: 'duplicate_count'; columns: string[]; where?: Expr; sampleSize: number }
  /** Rows where the column equals `value`, over non-null rows. */
  | { kind: 'value_count'; column: string; value: Scalar; where?: Expr }
  /**
   * The generic row-level metric: over the rows that pass `where` and where `column` is non-null
   * (or all rows when `includeNulls`), how many have `predicate` false (null counts as not failed).
   * Keeps a sample of failing rows.
   */
  | {
      kind: 'predicate_failures';
      column?: string;
      predicate: Expr;
      includeNulls?: boolean;
      where?: Expr;
      sampleSize: number;
    }
  /**
   * Order in row order (file order): over the rows that pass `where` and have a non-null `column`
   * (a number, date or timestamp), each one after the first is compared with the one before it,
   * and fails unless it is >= it (`increasing`; > when `strictly`) or <= it (`decreasing`; <).
   * A comparison with NaN is false, as in JavaScript: a NaN and the value after it fail.
   */
  | {
      kind: 'order_violations';
      column: string;
      direction: 'increasing' | 'decreasing';
      strictly: boolean;
      where?: Expr;
      sampleSize: number;
    }
  /** Values in the source that did not parse as the contract type (CSV/JSON text), per column. */
  | { kind: 'parse_failures'; column: string; sampleSize: number }
  /** Keys of this dataset absent from another dataset's key columns. */
  | { kind: 'orphan_count'; columns: string[]; ref: { dataset: string; columns: string[] }; sampleSize: number }
  /**
   * Equal-width histogram of the non-null, non-NaN values of a numeric or temporal column (temporal
   * values as epoch ms): `bins` bins from the exact min to the exact max. A value x goes to bin
   * min(bins - 1, floor((x - min) * bins / (max - min))); when max = min every value is in bin 0.
   */
  | { kind: 'histogram'; column: string; bins: number; where?: Expr }
  /**
   * The `k` most frequent non-null values, by count descending then value ascending (code-unit
   * order). When the column holds more than `maxDistinct` distinct values the answer is
   * `truncated` with no values: a partial top list would be a guess, and tracking every value of a
   * high-cardinality column costs memory for nothing a report can show.
   */
  | { kind: 'top_values'; column: string; k: number; maxDistinct: number; where?: Expr }
  /**
   * The exact value counts of a column of another dataset of the run, or of a column in a saved
   * baseline file (`datacheck baseline save`), that a drift check compares this dataset's with.
   * Answered by the run before the engine runs (src/access/reference-distribution.ts), never by an
   * engine; the value is a TopValuesValue (every value, `truncated` past `maxDistinct`).
   */
  | { kind: 'reference_distribution'; column: string; from: { dataset: string } | { baseline: string }; maxDistinct: number }
  /**
   * Personal data in a string column's free text (src/pii/): over the rows that pass `where` with
   * a non-null value, how many hold at least one finding of the asked kinds, per kind too, with a
   * sample of those rows showing only the findings, masked. SQL engines select the candidate
   * values (PII_CANDIDATE_PATTERN) and verify them in the process.
   */
  | { kind: 'pii_findings'; column: string; kinds: PiiKind[]; phoneCountry: string; where?: Expr; sampleSize: number }
  /**
   * Lengths of the non-null values of a string column, in characters (code points, as the
   * `length()` expression function and the length check count them): how many, shortest, longest, total.
   */
  | { kind: 'length_stats'; column: string; where?: Expr }
  /**
   * Shannon entropy in bits of the column's value frequencies: -sum p_i log2 p_i with p_i = count_i / n
   * over the non-null (and, for floats, non-NaN) values, as scipy.stats.entropy(counts, base=2).
   * No values: null. Exact on every engine; the Arrow engine keeps one count per distinct value
   * and ends `metric.too_many_values` past `maxDistinct` of them.
   */
  | { kind: 'entropy'; column: string; maxDistinct: number; where?: Expr }
  /**
   * An estimate of distinct non-null values (one column), with the method and its error bound: a
   * HyperLogLog sketch on the Arrow engine, the engine's own approximation in SQL (or an exact count
   * where the dialect has none). See ApproxDistinctValue.
   */
  | { kind: 'approx_distinct_count'; column: string; where?: Expr }
  /** Estimated quantiles over non-null numbers, with the method and its error bound (ApproxQuantilesValue). */
  | { kind: 'approx_quantiles'; column: string; probs: number[]; where?: Expr }
  /** The dataset's physical schema as read from the source (names and types). */
  | { kind: 'schema' }
  /**
   * The first value of a user's SQL query (an ODCS `type: sql` quality rule), run where the data
   * lives with the dataset visible under `table` (a CTE of that name). SQL engines only.
   */
  | { kind: 'sql_scalar'; query: string; table: string }
  /**
   * The distinct keys of one or more columns (rows where every key column is non-null), sorted,
   * for a reconciliation of key sets. Past `maxKeys` distinct keys the answer is `truncated` with
   * no keys: the set is held in memory to be compared with another dataset's.
   */
  | { kind: 'key_set'; columns: string[]; maxKeys: number }
  /**
   * A metric of another dataset of the run (`metric`, computed by that dataset's own engine,
   * possibly on another connection), that a reconciliation check compares this dataset's with.
   * Answered by the run before the engine runs (src/access/plan-dataset-metrics.ts), never by an engine.
   */
  | { kind: 'dataset_metric'; dataset: string; metric: MetricSpec }
  /**
   * The newest modification time (epoch ms) of the dataset's source files, for file freshness.
   * Answered by the run from the files it listed (src/run/answer-dataset-metrics.ts), never by an engine.
   */
  | { kind: 'file_modified' };

/*
 * Value shapes by metric kind:
 *   histogram -> HistogramValue; top_values, reference_distribution -> TopValuesValue
 *   row_count, null_count, distinct_count, value_count -> number
 *   length_stats -> LengthStatsValue; entropy -> number | null
 *   approx_distinct_count -> ApproxDistinctValue; approx_quantiles -> ApproxQuantilesValue
 *   min, max -> number | string | null (null: no non-null value)
 *   moments -> MomentsValue; quantiles -> number[] (empty: no values)
 *   duplicate_count, predicate_failures, order_violations, parse_failures, orphan_count -> FailuresValue
 *   pii_findings -> PiiFindingsValue
 *   schema -> { columns: PhysicalColumn[] }
 *   sql_scalar -> number | string | null (the query's first value)
 *   key_set -> KeySetValue; dataset_metric -> the value of its `metric`
 *   file_modified -> number (epoch ms of the newest file's mtime)
 */

export type MetricKind = MetricSpec['kind'];

/**
 * A failing row kept as evidence: its 1-based row number (and source line when known) plus values.
 * The row number is null where the data has no one row order (a ClickHouse Distributed table).
 * Values are of the contract's columns only: a column nobody declared may hold personal data
 * nobody marked, so it never reaches a report.
 */
export interface FailingRow {
  row: number | null;
  line?: number;
  /** The file the row is in (relative to the project root), when the dataset reads several files. */
  file?: string;
  values: Record<string, unknown>;
}

/** Failing rows in row order; rows without a number (no row order) after the numbered ones. */
export function byRowNumber(a: FailingRow, b: FailingRow): number {
  return (a.row ?? Number.POSITIVE_INFINITY) - (b.row ?? Number.POSITIVE_INFINITY) || 0;
}

export interface MomentsValue {
  count: number;
  sum: number;
  mean: number;
  /** Sum of squared deviations from the mean (M2). */
  m2: number;
  /** Set by the run when another dataset's pii column was summed for a reconciliation: its sum is shown masked. */
  pii?: boolean;
}

export interface LengthStatsValue {
  /** Non-null values measured. */
  count: number;
  /** null when count is 0. */
  min: number | null;
  max: number | null;
  /** Total length of all values (the mean is sum / count). */
  sum: number;
}

/**
 * How an estimate was made and how far off it may be:
 * - `hll`: HyperLogLog with 2^p registers, relative standard error 1.04 / sqrt(2^p)
 *   (Flajolet et al. 2007); about 95% of estimates fall within twice that.
 * - `ddsketch`: DDSketch (Masson et al. 2019); every quantile returned is within `relativeAccuracy`
 *   (relative to its value) of the order statistic at rank floor(p * (n - 1)), a guarantee, not a probability.
 * - `tdigest`: t-digest (Dunning); accurate near the tails, with no worst-case bound (`bound` null).
 * - `exact`: the engine has no approximation and computed the exact answer (error 0).
 */
export type Approximation =
  | { method: 'hll'; p: number; relativeStandardError: number }
  | { method: 'hll'; p?: undefined; relativeStandardError: null; note: string }
  | { method: 'ddsketch'; relativeAccuracy: number }
  | { method: 'tdigest'; bound: null; note: string }
  | { method: 'exact'; error: 0 };

export interface ApproxDistinctValue {
  estimate: number;
  approximation: Approximation;
}

export interface ApproxQuantilesValue {
  /** One estimate per probability; empty when there are no values. */
  values: number[];
  approximation: Approximation;
}

export interface HistogramValue {
  /** null when the column has no non-null value (then every count is 0). */
  min: number | null;
  max: number | null;
  /** `bins` counts; bin i covers [min + i*w, min + (i+1)*w), the last one includes max. */
  counts: number[];
}

export interface TopValuesValue {
  /** Empty when truncated. Values as the engine reads them: strings, numbers, booleans. */
  top: { value: string | number | boolean; count: number }[];
  /** Distinct non-null values, when not truncated. */
  distinct?: number;
  truncated: boolean;
}

/** One part of a key as engines give it: strings, numbers (dates and timestamps as epoch ms), booleans. */
export type KeyPart = string | number | boolean;

export interface KeySetValue {
  /** Every distinct key (one part per key column), sorted part by part; empty when truncated. */
  keys: KeyPart[][];
  truncated: boolean;
  /** Set by the run when the dataset the keys come from marks a key column pii: they are shown masked. */
  pii?: boolean;
}

export interface FailuresValue {
  /** Rows considered (passed `where`, and non-null unless includeNulls). */
  considered: number;
  failed: number;
  sample: FailingRow[];
}

/** pii_findings: rows with a finding (`failed`), and per kind the rows with a finding of that kind. */
export interface PiiFindingsValue extends FailuresValue {
  found: PiiCounts;
}

export interface PhysicalColumn {
  name: string;
  /** Arrow type as text, e.g. `Int64`, `Utf8`, `Timestamp<MICROSECOND>`. */
  arrowType: string;
  /** The closest logical type, or undefined when it has none (e.g. a union). */
  logical?: import('./contract.js').LogicalType;
  nullable: boolean;
}

export type MetricValue =
  | number
  | string
  | null
  | number[]
  | MomentsValue
  | FailuresValue
  | PiiFindingsValue
  | HistogramValue
  | TopValuesValue
  | KeySetValue
  | LengthStatsValue
  | ApproxDistinctValue
  | ApproxQuantilesValue
  | { columns: PhysicalColumn[] };

/** A metric either computed or explained. Never thrown. */
export type MetricOutcome = { ok: true; value: MetricValue } | { ok: false; issue: Issue };

/** A metric with its canonical key (see plan/metric-key.ts): what the plan hands an engine. */
export interface PlannedMetric {
  key: string;
  spec: MetricSpec;
}

/** Metric results of one dataset, by canonical metric key. */
export type MetricResults = Map<string, MetricOutcome>;
