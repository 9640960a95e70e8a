import type { RowCheckOptions } from '../model/check.js';
import type { StringFormat } from '../model/contract.js';
import { DatacheckError } from '../model/issue.js';
import { captureCallSite } from './call-site.js';
import type { Family } from './column.js';
import { MetricBound, SuiteCheck, orInvalid } from './suite-check.js';
import type { BoundOptions } from './suite-check.js';
import { checkBoundOrder, checkOptions, checkRegex } from './validate.js';
import { plainScalars, plainValue } from './plain-value.js';
import { driftDraft } from './drift-bound.js';
import { noPiiDef } from './pii-options.js';
import type { NoPiiOptions } from './pii-options.js';
import { DriftBound } from './drift-bound.js';
import { SumBound } from './reconcile-bound.js';
import type { DriftAgainst, DriftMethod } from './drift-bound.js';

/** Values a suite may compare a column with: 64-bit ints accept numbers too, temporal columns ISO strings. */
export type SuiteValue<T> = T extends bigint ? bigint | number : T extends Date ? Date | string : T;

export interface CommonColumnChecks<T> {
  notNull(options?: RowCheckOptions): SuiteCheck;
  isNull(options?: RowCheckOptions): SuiteCheck;
  unique(options?: RowCheckOptions): SuiteCheck;
  oneOf(values: readonly SuiteValue<T>[], options?: RowCheckOptions): SuiteCheck;
  noneOf(values: readonly SuiteValue<T>[], options?: RowCheckOptions): SuiteCheck;
  nullCount(): MetricBound<number>;
  nullRatio(): MetricBound<number>;
  /** `{ approximate: true }`: a HyperLogLog estimate (Arrow p = 14, 0.81% standard error); the measure states the method and bound. */
  distinctCount(options?: ApproximateOption): MetricBound<number>;
  distinctRatio(): MetricBound<number>;
  /** Shannon entropy in bits of the value frequencies, nulls (and NaN) left out: -sum p log2 p. */
  entropy(): MetricBound<number>;
  /** The most frequent value; `.oneOf(list)`: every value tied at the highest count is in the list. */
  mostCommon(): { oneOf(values: readonly SuiteValue<T>[]): SuiteCheck };
  /** The set of distinct non-null values: `.within(list)` subset, `.contains(list)` superset, `.equals(list)` both. */
  distinctValues(): {
    within(values: readonly SuiteValue<T>[]): SuiteCheck;
    contains(values: readonly SuiteValue<T>[]): SuiteCheck;
    equals(values: readonly SuiteValue<T>[]): SuiteCheck;
  };
  /** Share of non-null rows equal to `value`. */
  share(value: SuiteValue<T>): MetricBound<number>;
  /**
   * The Open Data Contract Standard's quality metrics: how many rows (or, with `{ unit: 'percent' }`,
   * what percent) are null, missing (null or one of `values`), invalid (a non-null value outside
   * `values` and not matching `pattern`) or duplicated, e.g. `.violations({ rule: 'null' }).atMost(5)`.
   */
  violations(violation: ColumnViolation, options?: { unit?: 'rows' | 'percent' }): MetricBound<number>;
  /**
   * How far the column's distribution moved from a reference: another dataset of the run
   * (`{ dataset }`) or a saved baseline (`{ baseline: 'baselines/orders.json' }`). ks and chi2 are
   * tests with a p-value (`.pValue().atLeast(0.01)`); psi, kl and js are divergences.
   */
  drift<M extends DriftMethod>(method: M, against: DriftAgainst): M extends 'ks' | 'chi2' ? DriftBound : MetricBound<number>;
}

/** What `violations()` counts on one column (see ViolationsParams in src/checks/kinds/violations.ts). */
export type ColumnViolation =
  | { rule: 'null' }
  | { rule: 'missing'; values: readonly (string | number | boolean | null)[] }
  | { rule: 'invalid'; values?: readonly (string | number | boolean | null)[]; pattern?: string }
  | { rule: 'duplicate' };
export interface OrderedColumnChecks<B> {
  between(min: B | null, max: B | null, options?: RowCheckOptions & BoundOptions): SuiteCheck;
  min(): MetricBound<B>;
  max(): MetricBound<B>;
}
/** Order in row order (file order); nulls are skipped. Arrow and DuckDB only: PostgreSQL and ClickHouse tables have no row order. */
export interface MonotonicColumnChecks {
  /** Each value is >= the one before it (> with `strictly`). */
  increasing(options?: MonotonicOptions): SuiteCheck;
  /** Each value is <= the one before it (< with `strictly`). */
  decreasing(options?: MonotonicOptions): SuiteCheck;
}
export interface MonotonicOptions extends RowCheckOptions {
  /** Equal neighbours fail too. Default false. */
  strictly?: boolean;
}
export interface NumericColumnChecks {
  /** The sum of non-null values; `.equalsDataset('ledger', 'amount', { tolerance })` reconciles it with another dataset's. */
  sum(): SumBound;
  mean(): MetricBound<number>;
  /** Sample standard deviation (n - 1). */
  stddev(): MetricBound<number>;
  median(options?: ApproximateOption): MetricBound<number>;
  /**
   * Linear interpolation between order statistics (numpy's default, DuckDB's quantile_cont).
   * `{ approximate: true }`: a DDSketch estimate within 1% of the value at rank floor(p (n - 1)) on the Arrow engine.
   */
  quantile(p: number, options?: ApproximateOption): MetricBound<number>;
}

/** Opt-in estimates for huge data; the result's measure says how each was made and its error bound. */
export interface ApproximateOption {
  approximate?: boolean;
}
export interface StringColumnChecks {
  matches(regex: RegExp | string, options?: RowCheckOptions): SuiteCheck;
  notMatches(regex: RegExp | string, options?: RowCheckOptions): SuiteCheck;
  lengthBetween(min: number | null, max: number | null, options?: RowCheckOptions): SuiteCheck;
  format(format: StringFormat, options?: RowCheckOptions): SuiteCheck;
  /**
   * Free text holds no personal data: e-mail addresses, phone numbers, payment card numbers
   * (Luhn), IBANs (mod 97), national identifiers with a checksum (BSN, DNI/NIE, NIR); `kinds`
   * narrows it. Failing rows show the findings masked, never the text.
   */
  noPii(options?: RowCheckOptions & NoPiiOptions): SuiteCheck;
  /** Statistics of the values' lengths in characters (code points), nulls left out. */
  length(): { min(): MetricBound<number>; mean(): MetricBound<number>; max(): MetricBound<number> };
  /** Each value is one JSON text (strict RFC 8259, as JSON.parse reads it). Not on PostgreSQL 15 or ClickHouse 18.16. */
  jsonParseable(options?: RowCheckOptions): SuiteCheck;
  /** Each value is what strftime writes in `format` for a real date: `.dateFormat('%Y-%m-%d')` fails '2023-02-30'. */
  dateFormat(format: string, options?: RowCheckOptions): SuiteCheck;
}

/** The checks a column of family F (value type T) offers; the rest are compile errors. */
export type ColumnChecksFor<T, F extends Family> = CommonColumnChecks<T> &
  (F extends 'numeric'
    ? OrderedColumnChecks<number | bigint> & NumericColumnChecks & MonotonicColumnChecks
    : F extends 'temporal'
      ? OrderedColumnChecks<string | Date> & MonotonicColumnChecks
      : F extends 'string'
        ? OrderedColumnChecks<string> & StringColumnChecks
        : unknown);

const ROW = ['mostly'] as const;

/** Runtime implementation behind every ColumnChecksFor type (the types decide what is reachable). */
export class ColumnChecks
  implements CommonColumnChecks<unknown>, OrderedColumnChecks<unknown>, NumericColumnChecks, StringColumnChecks, MonotonicColumnChecks
{
  private readonly column: string;
  constructor(column: string) {
    this.column = column;
  }

  /** A row-level check; `params` validates first, and any mistake becomes the check's problem (see orInvalid). */
  private row(
    kind: string,
    params: () => Record<string, unknown>,
    options: object | undefined,
    allowed: readonly string[] = ROW,
  ): SuiteCheck {
    return orInvalid(() => this.checkedRow(kind, params(), options, allowed), SuiteCheck.invalid);
  }
  private checkedRow(kind: string, params: Record<string, unknown>, options: object | undefined, allowed: readonly string[]): SuiteCheck {
    const location = captureCallSite();
    checkOptions(options, allowed, `${this.column}: ${kind}`, location);
    const mostly = (options as RowCheckOptions | undefined)?.mostly;
    return new SuiteCheck({
      kind,
      column: this.column,
      params,
      severity: 'error',
      ...(mostly !== undefined && { mostly }),
      location,
    });
  }
  /** A set check on the column's values (see kinds/value-set.ts). */
  private valueSet(of: 'most_common' | 'distinct', rule: string, values: readonly unknown[]): SuiteCheck {
    return orInvalid(() => {
      const location = captureCallSite();
      if (!Array.isArray(values) || values.length === 0) {
        throw new DatacheckError({
          code: 'check.invalid_option',
          message: `${this.column}: ${of === 'most_common' ? 'mostCommon()' : 'distinctValues()'} needs a non-empty list of values`,
          location,
          expected: 'a non-empty array of values',
          found: JSON.stringify(values) ?? String(values),
        });
      }
      return new SuiteCheck({
        kind: 'value_set',
        column: this.column,
        params: { of, rule, values: plainScalars(values) },
        severity: 'error',
        location,
      });
    }, SuiteCheck.invalid);
  }
  /** The `{ approximate }` option of a statistic, validated. */
  private approximate(options: ApproximateOption | undefined, what: string): Record<string, unknown> {
    checkOptions(options, ['approximate'], `${this.column}: ${what}`, captureCallSite());
    if (options?.approximate !== undefined && typeof options.approximate !== 'boolean') {
      throw new DatacheckError({
        code: 'check.invalid_option',
        message: `${this.column}: ${what} option approximate must be true or false`,
        location: captureCallSite(),
        expected: 'true or false',
        found: JSON.stringify(options.approximate),
      });
    }
    return options?.approximate ? { approximate: true } : {};
  }
  private stat<V>(stat: string, extra: () => Record<string, unknown> = () => ({})): MetricBound<V> {
    return orInvalid(
      () =>
        new MetricBound<V>({
          kind: 'column_stat',
          column: this.column,
          params: { stat, ...extra() },
          severity: 'error',
          location: captureCallSite(),
        }),
      MetricBound.invalid<V>,
    );
  }

  notNull(options?: RowCheckOptions) {
    return this.row('not_null', () => ({}), options);
  }
  isNull(options?: RowCheckOptions) {
    return this.row('is_null', () => ({}), options);
  }
  unique(options?: RowCheckOptions) {
    return this.row('unique', () => ({ columns: [this.column] }), options);
  }
  oneOf(values: readonly unknown[], options?: RowCheckOptions) {
    return this.row('accepted_values', () => ({ values: plainScalars(values), negate: false }), options);
  }
  noneOf(values: readonly unknown[], options?: RowCheckOptions) {
    return this.row('accepted_values', () => ({ values: plainScalars(values), negate: true }), options);
  }
  between(min: unknown, max: unknown, options?: RowCheckOptions & BoundOptions) {
    const params = () => {
      checkBoundOrder(plainValue(min), plainValue(max), `${this.column}: between`, captureCallSite(), { strict: options?.strict });
      return { min: plainValue(min), max: plainValue(max), strict: options?.strict ?? false };
    };
    return this.row('range', params, options, ['mostly', 'strict']);
  }
  matches(regex: RegExp | string, options?: RowCheckOptions) {
    return this.row('pattern', () => ({ ...regexParams(regex), negate: false }), options);
  }
  notMatches(regex: RegExp | string, options?: RowCheckOptions) {
    return this.row('pattern', () => ({ ...regexParams(regex), negate: true }), options);
  }
  lengthBetween(min: number | null, max: number | null, options?: RowCheckOptions) {
    const params = () => {
      if ((min ?? null) === null && (max ?? null) === null) {
        throw new DatacheckError({
          code: 'check.invalid_option',
          message: `${this.column}: lengthBetween needs at least one end`,
          location: captureCallSite(),
          expected: 'lengthBetween(min, max) with at least one non-null end',
          found: 'lengthBetween(null, null)',
        });
      }
      checkBoundOrder(min, max, `${this.column}: lengthBetween`, captureCallSite());
      return { min, max };
    };
    return this.row('length', params, options);
  }
  format(format: StringFormat, options?: RowCheckOptions) {
    return this.row('format', () => ({ format }), options);
  }
  noPii(options?: RowCheckOptions & NoPiiOptions) {
    return this.row('no_pii', () => noPiiDef(options, `${this.column}: noPii`, captureCallSite()), options, [
      'mostly',
      'kinds',
      'phoneCountry',
    ]);
  }
  increasing(options?: MonotonicOptions) {
    return this.monotonic('increasing', options);
  }
  decreasing(options?: MonotonicOptions) {
    return this.monotonic('decreasing', options);
  }
  private monotonic(direction: 'increasing' | 'decreasing', options: MonotonicOptions | undefined): SuiteCheck {
    const params = () => {
      const strictly = options?.strictly;
      if (strictly !== undefined && typeof strictly !== 'boolean') {
        throw new DatacheckError({
          code: 'check.invalid_option',
          message: `${this.column}: ${direction}({ strictly }) must be true or false`,
          location: captureCallSite(),
          expected: 'true or false',
          found: JSON.stringify(strictly) ?? String(strictly),
        });
      }
      return { direction, strictly: strictly === true };
    };
    return this.row('monotonic', params, options, ['mostly', 'strictly']);
  }
  jsonParseable(options?: RowCheckOptions) {
    return this.row('json_parseable', () => ({}), options);
  }
  dateFormat(format: string, options?: RowCheckOptions) {
    // An unknown directive is found when the check is planned (expr.bad_literal, at this line),
    // where the format is compiled: the DSL reads the model only.
    const params = () => {
      if (typeof format !== 'string' || format === '') {
        throw new DatacheckError({
          code: 'check.invalid_option',
          message: `${this.column}: dateFormat needs a strftime format`,
          location: captureCallSite(),
          expected: "a format such as '%Y-%m-%d'",
          found: JSON.stringify(format) ?? String(format),
        });
      }
      return { format };
    };
    return this.row('date_format', params, options);
  }
  min() {
    return this.stat<unknown>('min');
  }
  max() {
    return this.stat<unknown>('max');
  }
  sum() {
    return new SumBound(this.column, captureCallSite());
  }
  mean() {
    return this.stat<number>('mean');
  }
  stddev() {
    return this.stat<number>('stddev');
  }
  median(options?: ApproximateOption) {
    return this.stat<number>('median', () => this.approximate(options, 'median'));
  }
  quantile(p: number, options?: ApproximateOption) {
    return this.stat<number>('quantile', () => {
      const approximate = this.approximate(options, 'quantile');
      if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
        throw new DatacheckError({
          code: 'check.invalid_option',
          message: `${this.column}: quantile(p) needs p between 0 and 1`,
          location: captureCallSite(),
          expected: 'a number between 0 and 1',
          found: JSON.stringify(p),
        });
      }
      return { p, ...approximate };
    });
  }
  nullCount() {
    return this.stat<number>('null_count');
  }
  nullRatio() {
    return this.stat<number>('null_ratio');
  }
  distinctCount(options?: ApproximateOption) {
    return this.stat<number>('distinct_count', () => this.approximate(options, 'distinctCount'));
  }
  entropy() {
    return this.stat<number>('entropy');
  }
  length() {
    return {
      min: () => this.stat<number>('min_length'),
      mean: () => this.stat<number>('mean_length'),
      max: () => this.stat<number>('max_length'),
    };
  }
  mostCommon() {
    return { oneOf: (values: readonly unknown[]) => this.valueSet('most_common', 'one_of', values) };
  }
  distinctValues() {
    return {
      within: (values: readonly unknown[]) => this.valueSet('distinct', 'within', values),
      contains: (values: readonly unknown[]) => this.valueSet('distinct', 'contains', values),
      equals: (values: readonly unknown[]) => this.valueSet('distinct', 'equals', values),
    };
  }
  distinctRatio() {
    return this.stat<number>('distinct_ratio');
  }
  share(value: unknown) {
    return this.stat<number>('share', () => ({ value: plainScalars([value])[0] }));
  }
  drift<M extends DriftMethod>(method: M, against: DriftAgainst): M extends 'ks' | 'chi2' ? DriftBound : MetricBound<number> {
    const location = captureCallSite();
    return orInvalid(() => driftDraft(this.column, method, against, location), DriftBound.invalidDrift) as M extends 'ks' | 'chi2'
      ? DriftBound
      : MetricBound<number>;
  }
  violations(violation: ColumnViolation, options?: { unit?: 'rows' | 'percent' }) {
    return violationsBound(
      violation.rule === 'duplicate' ? { rule: 'duplicate', columns: [this.column] } : violation,
      options,
      this.column,
    );
  }
}

/** A violations metric waiting for its bound (shared by a column's and a compound key's duplicates). */
export function violationsBound(
  violation: ColumnViolation | { rule: 'duplicate'; columns: string[] },
  options: { unit?: 'rows' | 'percent' } | undefined,
  column?: string,
): MetricBound<number> {
  const location = captureCallSite();
  checkOptions(options, ['unit'], `${column ?? 'rows'}: violations`, location);
  const unit = options?.unit ?? 'rows';
  if (unit !== 'rows' && unit !== 'percent') {
    throw new DatacheckError({
      code: 'check.invalid_option',
      message: `${column ?? 'rows'}: violations() unit must be 'rows' or 'percent'`,
      location,
      expected: "'rows' or 'percent'",
      found: JSON.stringify(unit),
    });
  }
  if (violation.rule === 'invalid' && violation.pattern !== undefined) checkRegex(violation.pattern, '', location);
  const plain = 'values' in violation && violation.values ? { ...violation, values: [...violation.values] } : { ...violation };
  return new MetricBound<number>({
    kind: 'violations',
    ...(column !== undefined && plain.rule !== 'duplicate' ? { column } : {}),
    ...(plain.rule === 'duplicate' && { columns: [...(plain as { columns: string[] }).columns] }),
    params: { violation: plain, unit },
    severity: 'error',
    location,
  });
}

function regexParams(regex: RegExp | string): { pattern: string; flags: string } {
  const pattern = typeof regex === 'string' ? regex : regex.source;
  const flags = typeof regex === 'string' ? '' : regex.flags.replace(/[gy]/g, '');
  checkRegex(pattern, flags, captureCallSite());
  return { pattern, flags };
}
