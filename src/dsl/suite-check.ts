import type { Bound, Severity } from '../model/check.js';
import type { SourceLocation } from '../model/issue.js';
import { DatacheckError } from '../model/issue.js';
import { captureCallSite } from './call-site.js';
import { checkBoundOrder, checkOptions } from './validate.js';
import { plainValue } from './plain-value.js';

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

/** One check in a suite. Immutable: `.warn()`, `.where()`, `.title()` return a new check. */
export class SuiteCheck {
  readonly draft: CheckDraft;
  constructor(draft: CheckDraft) {
    this.draft = draft;
  }
  /** Severity warn: a failure is reported but does not fail the run (unless --fail-on warn). */
  warn(): SuiteCheck {
    return new SuiteCheck({ ...this.draft, severity: 'warn' });
  }
  /** Only rows matching this filter are checked, e.g. `status = 'placed' and amount > 0`. */
  where(filter: string): SuiteCheck {
    if (typeof filter !== 'string' || filter.trim() === '') {
      throw new DatacheckError({
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
    return new SuiteCheck({ ...this.draft, title: text });
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
  constructor(base: Omit<CheckDraft, 'params'> & { params: Record<string, unknown> }) {
    this.base = base;
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
  private bound(min: BoundArg<V>, max: BoundArg<V>, options: BoundOptions | undefined): SuiteCheck {
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
