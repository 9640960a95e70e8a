import type { Bound, Severity } from '../model/check.js';
import type { Issue, SourceLocation } from '../model/issue.js';
import { DatacheckError, isDatacheckError } from '../model/issue.js';
import { captureCallSite } from './call-site.js';
import { checkBoundOrder, checkOptions } from './validate.js';
import { plainValue } from './plain-value.js';
import { ChangeBound, anomalyParams } from './history-checks.js';
import type { AnomalyOptions, ChangeOptions } from './history-checks.js';

/** A check as the suite builder accumulates it; becomes a CheckDef in defineSuite. */
export interface CheckDraft {
  kind: string;
  column?: string;
  columns?: string[];
  params: Record<string, unknown>;
  severity: Severity;
  mostly?: number;
  where?: string;
  title?: string;
  location: SourceLocation;
}

/**
 * Runs one check's construction; a mistake in it (a DatacheckError: `between(null, null)`, a bad
 * regex, an unknown option) becomes that check's problem instead of an exception. The checks of a
 * suite are written as one array literal, so a throw from one element would lose the whole file;
 * this way defineSuite keeps the valid checks and reports the invalid one with its file:line.
 * Anything else thrown is a bug and still propagates.
 */
export function orInvalid<T>(build: () => T, invalid: (problem: Issue) => T): T {
  try {
    return build();
  } catch (e) {
    if (isDatacheckError(e)) return invalid(e.issue);
    throw e;
  }
}

/** One check in a suite. Immutable: `.warn()`, `.where()`, `.title()` return a new check. */
export class SuiteCheck {
  readonly draft: CheckDraft;
  /** Why this check could not be built; defineSuite reports it as a run issue and leaves it out. */
  readonly problem?: Issue;
  constructor(draft: CheckDraft, problem?: Issue) {
    this.draft = draft;
    if (problem) this.problem = problem;
  }
  /** A check that could not be built; chained calls on it keep the first problem. */
  static invalid(problem: Issue): SuiteCheck {
    return new SuiteCheck({ kind: 'invalid', params: {}, severity: 'error', location: problem.location ?? captureCallSite() }, problem);
  }
  /** Severity warn: a failure is reported but does not fail the run (unless --fail-on warn). */
  warn(): SuiteCheck {
    return this.problem ? this : new SuiteCheck({ ...this.draft, severity: 'warn' });
  }
  /** Only rows matching this filter are checked, e.g. `status = 'placed' and amount > 0`. */
  where(filter: string): SuiteCheck {
    if (this.problem) return this;
    if (typeof filter !== 'string' || filter.trim() === '') {
      return SuiteCheck.invalid({
        code: 'check.invalid_option',
        message: 'where() expects a filter expression such as "status = \'placed\'"',
        location: this.draft.location,
        expected: 'a non-empty string',
        found: JSON.stringify(filter),
      });
    }
    return new SuiteCheck({ ...this.draft, where: filter });
  }
  /** A readable name for reports (default: generated from the check). */
  title(text: string): SuiteCheck {
    return this.problem ? this : new SuiteCheck({ ...this.draft, title: text });
  }
}

export interface BoundOptions {
  /** `<`/`>` instead of `<=`/`>=`. */
  strict?: boolean;
}

type BoundArg<V> = V | null;

/** A metric waiting for its bound: `t.column('amount').mean()` then `.between(20, 400)`. */
export class MetricBound<V> {
  private readonly base: Omit<CheckDraft, 'params'> & { params: Record<string, unknown> };
  /** Why the metric could not be built (e.g. `quantile(95)`); every bound on it carries the problem. */
  private readonly problem?: Issue;
  constructor(base: Omit<CheckDraft, 'params'> & { params: Record<string, unknown> }, problem?: Issue) {
    this.base = base;
    if (problem) this.problem = problem;
  }
  static invalid<V>(problem: Issue): MetricBound<V> {
    return new MetricBound<V>({ kind: 'invalid', params: {}, severity: 'error', location: problem.location ?? captureCallSite() }, problem);
  }
  between(min: BoundArg<V>, max: BoundArg<V>, options?: BoundOptions): SuiteCheck {
    return this.bound(min, max, options);
  }
  atLeast(min: V, options?: BoundOptions): SuiteCheck {
    return this.bound(min, null, options);
  }
  atMost(max: V, options?: BoundOptions): SuiteCheck {
    return this.bound(null, max, options);
  }
  equals(value: V): SuiteCheck {
    return this.bound(value, value, undefined);
  }
  /**
   * How much the metric changed since an earlier run, from the metric history:
   * `.change().atMost('20%')`, `.change({ over: '7d' }).between(-100, 100)`.
   */
  change(this: MetricBound<number>, options?: ChangeOptions): ChangeBound<SuiteCheck> {
    return new ChangeBound(this.base, (kind, params) => new SuiteCheck({ ...this.base, kind, params }), options);
  }
  /** The metric within the band its recent history makes (median ± sensitivity × scaled MAD). */
  anomaly(this: MetricBound<number>, options?: AnomalyOptions): SuiteCheck {
    return new SuiteCheck({ ...this.base, kind: 'anomaly', params: anomalyParams(this.base, options) });
  }
  private bound(min: BoundArg<V>, max: BoundArg<V>, options: BoundOptions | undefined): SuiteCheck {
    if (this.problem) return SuiteCheck.invalid(this.problem);
    return orInvalid(() => this.checkedBound(min, max, options), SuiteCheck.invalid);
  }
  private checkedBound(min: BoundArg<V>, max: BoundArg<V>, options: BoundOptions | undefined): SuiteCheck {
    const location = captureCallSite();
    checkOptions(options, ['strict'], `${this.base.kind} bound`, location);
    const bound: Bound = { min: plainValue(min), max: plainValue(max), ...(options?.strict ? { strict: true } : {}) };
    if (bound.min === null && bound.max === null) {
      throw new DatacheckError({
        code: 'check.invalid_option',
        message: 'a bound needs at least one end (min or max)',
        location,
        expected: 'between(min, max) with at least one non-null end',
        found: 'between(null, null)',
      });
    }
    checkBoundOrder(bound.min, bound.max, `${this.base.column ?? this.base.kind} bound`, location, { strict: bound.strict });
    return new SuiteCheck({ ...this.base, params: { ...this.base.params, bound }, location: this.base.location });
  }
}
