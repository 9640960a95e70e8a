import type { CheckDef } from '../model/check.js';
import type { ContractDef } from '../model/contract.js';
import type { Expr } from '../model/expr.js';
import type { Issue } from '../model/issue.js';
import type { FailingRow, MetricSpec, MetricValue } from '../model/metric.js';
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
}

/** What a check kind concludes; severity is applied afterwards (a failed `warn` check becomes `warn`). */
export interface Evaluation {
  outcome: Exclude<Outcome, 'warn'>;
  observed?: unknown;
  expected?: string;
  message: string;
  rows?: { considered: number; failed: number };
  failingRows?: FailingRow[];
  issue?: Issue;
}

/** One kind of check: the metrics it needs, a pure evaluation, and a readable description. */
export interface CheckKind<P = Record<string, unknown>> {
  kind: string;
  metrics(def: CheckDef<P>, ctx: PlanContext): MetricSpec[];
  evaluate(def: CheckDef<P>, m: MetricReader, ctx: EvalContext): Evaluation;
  /** A title for reports, e.g. `amount mean between 20 and 400`. */
  describe(def: CheckDef<P>): string;
  /** False for kinds about the whole dataset's structure, where a row filter means nothing. */
  acceptsWhere?: boolean;
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
