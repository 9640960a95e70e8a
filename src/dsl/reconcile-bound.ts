import type { Tolerance } from '../checks/kinds/reconcile.js';
import { DatacheckError } from '../model/issue.js';
import type { SourceLocation } from '../model/issue.js';
import { captureCallSite } from './call-site.js';
import { MetricBound, SuiteCheck, orInvalid } from './suite-check.js';
import { checkOptions } from './validate.js';

/**
 * How far apart the two sides may be: a number is an absolute difference (`0.01`), `'0.5%'` is
 * relative to the other dataset's value, `{ absolute, relative }` states both (relative as a
 * fraction, 0.005 = 0.5%) and the looser of the two applies. Absent: the values must be equal.
 */
export type ToleranceOption = number | `${number}%` | { absolute?: number; relative?: number };

export interface EqualsDatasetOptions {
  tolerance?: ToleranceOption;
}

const finiteNonNegative = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;

/** The tolerance as both numbers, or a clear error at the check's line. */
export function parseTolerance(t: ToleranceOption | undefined, location: SourceLocation): Tolerance {
  if (t === undefined) return { absolute: 0, relative: 0 };
  const percent = typeof t === 'string' ? /^(\d+(?:\.\d+)?)%$/.exec(t.trim()) : null;
  if (finiteNonNegative(t)) return { absolute: t, relative: 0 };
  if (percent) return { absolute: 0, relative: Number(percent[1]) / 100 };
  if (t !== null && typeof t === 'object' && !Array.isArray(t)) {
    checkOptions(t, ['absolute', 'relative'], 'equalsDataset tolerance', location);
    const { absolute = 0, relative = 0 } = t;
    if (finiteNonNegative(absolute) && finiteNonNegative(relative)) return { absolute, relative };
  }
  throw new DatacheckError({
    code: 'check.invalid_option',
    message: 'equalsDataset: tolerance must be a non-negative number, a percentage or { absolute, relative }',
    location,
    expected: "0.01 (absolute), '0.5%' (relative to the other dataset's value), or { absolute: 0.01, relative: 0.005 }",
    found: JSON.stringify(t) ?? String(t),
  });
}

function datasetName(dataset: unknown, location: SourceLocation): string {
  if (typeof dataset === 'string' && dataset.trim() !== '') return dataset;
  throw new DatacheckError({
    code: 'check.invalid_option',
    message: 'equalsDataset/matchDataset needs the name of another dataset of the run',
    location,
    expected: "a contract name, e.g. 'orders_raw'",
    found: JSON.stringify(dataset) ?? String(dataset),
  });
}

function reconcileCheck(
  column: string | undefined,
  params: Record<string, unknown>,
  options: EqualsDatasetOptions | undefined,
): SuiteCheck {
  const location = captureCallSite();
  return orInvalid(() => {
    datasetName(params.dataset, location);
    checkOptions(options, ['tolerance'], 'equalsDataset', location);
    const tolerance = parseTolerance(options?.tolerance, location);
    return new SuiteCheck({
      kind: 'reconcile',
      ...(column !== undefined && { column }),
      params: { ...params, tolerance },
      severity: 'error',
      location,
    });
  }, SuiteCheck.invalid);
}

/** `t.rowCount()`: bound it, or reconcile it with another dataset's row count. */
export class RowCountBound extends MetricBound<number> {
  /** Rows here equal to rows in `dataset` (within the tolerance); a `where` filters this side only. */
  equalsDataset(dataset: string, options?: EqualsDatasetOptions): SuiteCheck {
    return reconcileCheck(undefined, { metric: 'row_count', dataset }, options);
  }
}

/** `t.column(c).sum()`: bound it, or reconcile it with the sum of a column of another dataset. */
export class SumBound extends MetricBound<number> {
  private readonly column: string;
  constructor(column: string, location: SourceLocation) {
    super({ kind: 'column_stat', column, params: { stat: 'sum' }, severity: 'error', location });
    this.column = column;
  }
  /** The sum here equal to the sum of `column` (default: the same name) in `dataset`, within the tolerance. */
  equalsDataset(dataset: string, column?: string | EqualsDatasetOptions, options?: EqualsDatasetOptions): SuiteCheck {
    const [other, opts] = typeof column === 'string' || column === undefined ? [column, options] : [undefined, column];
    return reconcileCheck(this.column, { metric: 'sum', dataset, ...(other !== undefined && { otherColumn: other }) }, opts);
  }
}

/** `t.keys(columns)`: a key whose set of distinct values must match another dataset's. */
export class KeyChecks {
  private readonly columns: string[];
  constructor(columns: string[]) {
    this.columns = columns;
  }
  /**
   * The distinct keys here and in `dataset` (its `columns`, default the same names) are the same:
   * missing keys (there, not here) and extra keys (here, not there) fail the check, with samples.
   */
  matchDataset(dataset: string, columns?: string | readonly string[]): SuiteCheck {
    const location = captureCallSite();
    return orInvalid(() => {
      datasetName(dataset, location);
      const otherColumns = columns === undefined ? this.columns : typeof columns === 'string' ? [columns] : [...columns];
      if (otherColumns.length !== this.columns.length || otherColumns.some((c) => typeof c !== 'string' || c === '')) {
        throw new DatacheckError({
          code: 'check.invalid_option',
          message: `matchDataset: ${dataset}'s key needs one column for each of (${this.columns.join(', ')})`,
          location,
          expected: `${this.columns.length} column name(s)`,
          found: JSON.stringify(columns),
        });
      }
      return new SuiteCheck({
        kind: 'keys_match',
        columns: [...this.columns],
        params: { dataset, otherColumns },
        severity: 'error',
        location,
      });
    }, SuiteCheck.invalid);
  }
}
