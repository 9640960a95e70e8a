import type { CheckDef } from '../model/check.js';
import type { ContractDef } from '../model/contract.js';
import type { Expr } from '../model/expr.js';
import type { DatasetHistory, HistoryView } from '../model/history.js';
import type { Issue } from '../model/issue.js';
import type { FailingRow, MetricSpec, MetricValue } from '../model/metric.js';
import type { Measure } from '../model/measure.js';
import type { Outcome } from '../model/result.js';

export interface PlanContext {
  contract: ContractDef;
  /** The check's parsed `where` filter, if any. */
  where?: Expr;
  /** Failing rows to keep per check. */
  sampleSize: number;
}

/** Reads computed metrics; `value` throws MetricUnavailable, which the evaluator turns into outcome `error`. */
export interface MetricReader {
  value<T extends MetricValue>(spec: MetricSpec): T;
}

export interface EvalContext extends PlanContext {
  /** The instant the run started, for freshness: evaluation stays a pure function of its inputs. */
  now: Date;
  /**
   * The earlier values of this dataset's tracked metrics (`on`), or why there are none: change and
   * anomaly checks read it; every other kind ignores it. Absent: as `off`.
   */
  history?: HistoryContext;
}

/** The history as one dataset's checks see it. */
export type HistoryContext = Exclude<HistoryView, { state: 'on' }> | { state: 'on'; points: DatasetHistory };

/** What a check kind concludes; severity is applied afterwards (a failed `warn` check becomes `warn`). */
export interface Evaluation {
  outcome: Exclude<Outcome, 'warn'>;
  observed?: unknown;
  expected?: string;
  message: string;
  /** What was measured and what it was held to, as data (masked like `observed` on pii columns). */
  measure?: Measure;
  rows?: { considered: number; failed: number };
  failingRows?: FailingRow[];
  issue?: Issue;
  /** Why a pass judged nothing (too little history): reporters show it beside the pass. */
  note?: string;
  /** The number measured, kept in the history under the kind's `tracks` name (finite numbers only). */
  tracked?: number;
}

/**
 * Whether a check's observation carries values of its column (`values`: a min, a mean, a newest
 * timestamp) or never does (`counts`: counts, shares, column names, type names). On a pii column,
 * `values` observations are masked whatever their type; failing rows are masked for every kind.
 */
export type Observes = 'values' | 'counts';

/**
 * One kind of check: the metrics it needs, a pure evaluation, a readable description, and what the
 * rest of datacheck must know about it (scope, what it observes, whether it is always selected),
 * declared here so that no other file names kinds.
 */
export interface CheckKind<P = Record<string, unknown>> {
  kind: string;
  /**
   * `column`: about the values of the columns it names, so it is skipped when one of them is not in
   * the data (the schema check reports the absence once). `dataset`: about the whole dataset or its
   * structure, evaluated whatever columns the data has.
   */
  scope: 'dataset' | 'column';
  /** What its observation shows on a pii column (see Observes); a function when its params decide. */
  observes: Observes | ((params: P) => Observes);
  /**
   * Kept with any selection `--filter` makes: the schema check, without which a check on a column
   * the data lacks would be skipped and the run could pass having checked nothing.
   */
  alwaysSelected?: boolean;
  metrics(def: CheckDef<P>, ctx: PlanContext): MetricSpec[];
  evaluate(def: CheckDef<P>, m: MetricReader, ctx: EvalContext): Evaluation;
  /**
   * The history name of the one number this kind measures (see TrackedMetric): kinds that have one
   * declare it, and their evaluation returns the number as `tracked`. Change and anomaly checks
   * read earlier values under the same name, so any check of that metric adds to its history.
   */
  tracks?(def: CheckDef<P>, ctx: PlanContext): string;
  /** True for kinds that judge the history (change, anomaly): the run reads it before evaluating them. */
  readsHistory?: boolean;
  /** A title for reports, e.g. `amount mean between 20 and 400`. */
  describe(def: CheckDef<P>): string;
  /** False for kinds about the whole dataset's structure, where a row filter means nothing. */
  acceptsWhere?: boolean;
}

/** What a check of this kind observes, given its params. */
export function observesOf<P>(kind: CheckKind<P>, params: P): Observes {
  return typeof kind.observes === 'function' ? kind.observes(params) : kind.observes;
}

export class MetricUnavailable extends Error {
  readonly issue: Issue;
  constructor(issue: Issue) {
    super(issue.message);
    this.issue = issue;
  }
}

/** Identity helper that keeps each kind's params type while storing kinds in one registry. */
export function defineCheckKind<P>(kind: CheckKind<P>): CheckKind<P> {
  return kind;
}
