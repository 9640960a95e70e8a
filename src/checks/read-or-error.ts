import type { SourceLocation } from '../model/issue.js';
import type { MetricSpec, MetricValue } from '../model/metric.js';
import type { Evaluation, MetricReader } from './check-kind.js';
import { MetricUnavailable } from './check-kind.js';

/**
 * A metric's value, or the check's error when it cannot be computed, with the check's own file
 * and line when the issue has none: an unknown dataset in `.equalsDataset('x')` is a mistake at
 * that line of the suite, and the error must say where.
 */
export function readOrError<T extends MetricValue>(
  m: MetricReader,
  spec: MetricSpec,
  location: SourceLocation,
): { ok: true; value: T } | { ok: false; error: Evaluation } {
  try {
    return { ok: true, value: m.value<T>(spec) };
  } catch (e) {
    if (!(e instanceof MetricUnavailable)) throw e;
    const issue = { ...e.issue, location: e.issue.location ?? location };
    return { ok: false, error: { outcome: 'error', message: e.issue.message, issue } };
  }
}
