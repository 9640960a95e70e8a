import type { DriftAgainst } from '../checks/kinds/drift.js';
import { DRIFT_METHODS, TESTED_METHODS } from '../checks/drift/compare.js';
import { captureCallSite } from './call-site.js';
import type { DriftMethod } from '../checks/drift/compare.js';
import type { Issue, SourceLocation } from '../model/issue.js';
import { DatacheckError } from '../model/issue.js';
import { MetricBound } from './suite-check.js';
import type { CheckDraft } from './suite-check.js';
import { checkOptions } from './validate.js';

export type { DriftAgainst } from '../checks/kinds/drift.js';
export type { DriftMethod } from '../checks/drift/compare.js';

/** A drift statistic waiting for its bound; `.pValue()` bounds the test's p-value instead. */
export class DriftBound extends MetricBound<number> {
  private readonly draft: Omit<CheckDraft, 'params'> & { params: Record<string, unknown> };
  /** Why the drift could not be built; its bounds and p-value carry it (see orInvalid). */
  private readonly driftProblem?: Issue;
  constructor(draft: Omit<CheckDraft, 'params'> & { params: Record<string, unknown> }, problem?: Issue) {
    super(draft, problem);
    this.draft = draft;
    if (problem) this.driftProblem = problem;
  }
  static invalidDrift(problem: Issue): DriftBound {
    return new DriftBound({ kind: 'invalid', params: {}, severity: 'error', location: problem.location ?? captureCallSite() }, problem);
  }
  /** The p-value of the test (ks, chi2): `.pValue().atLeast(0.01)` fails when drift is that unlikely under no change. */
  pValue(): MetricBound<number> {
    if (this.driftProblem) return MetricBound.invalid(this.driftProblem);
    const method = this.draft.params.method as DriftMethod;
    if (!TESTED_METHODS.includes(method)) {
      return MetricBound.invalid({
        code: 'check.invalid_option',
        message: `${this.draft.column}: ${method} is a divergence without a p-value; bound the statistic instead`,
        location: captureCallSite(),
        expected: `pValue() after drift('ks' | 'chi2', ...), or drift('${method}', ...).atMost(x)`,
        found: `drift('${method}', ...).pValue()`,
      });
    }
    return new MetricBound<number>({ ...this.draft, params: { ...this.draft.params, on: 'p_value' } });
  }
}

/** Builds the draft of `t.column(c).drift(method, against)`, validating both arguments. */
export function driftDraft(column: string, method: DriftMethod, against: DriftAgainst, location: SourceLocation): DriftBound {
  const invalid = (message: string, expected: string, found: unknown) =>
    new DatacheckError({
      code: 'check.invalid_option',
      message: `${column}: drift ${message}`,
      location,
      expected,
      found: JSON.stringify(found) ?? String(found),
    });
  if (!DRIFT_METHODS.includes(method)) throw invalid('needs a method', DRIFT_METHODS.map((m) => `'${m}'`).join(', '), method);
  checkOptions(against, ['dataset', 'column', 'baseline'], `${column}: drift`, location);
  const a = (against ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => typeof v === 'string' && v.trim() !== '';
  if (text(a.dataset) === text(a.baseline) || (a.column !== undefined && !text(a.dataset)) || (a.column !== undefined && !text(a.column))) {
    throw invalid(
      'needs one reference: another dataset of the run, or a baseline file',
      "{ dataset: 'name' } (optionally with column: 'name'), or { baseline: 'baselines/<dataset>.json' }",
      against,
    );
  }
  const params = { method, against: { ...a }, on: 'statistic' };
  return new DriftBound({ kind: 'drift', column, params, severity: 'error', location });
}
