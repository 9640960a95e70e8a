import type { CheckDef } from '../model/check.js';
import type { ContractDef } from '../model/contract.js';
import { DatacheckError } from '../model/issue.js';
import type { Issue } from '../model/issue.js';
import type { SuiteDef } from '../model/suite.js';
import { assignCheckIds } from '../checks/check-id.js';
import { captureCallSite } from './call-site.js';
import type { AnyColumn, Column, Family } from './column.js';
import { ColumnChecks, violationsBound } from './column-checks.js';
import { ColumnSet } from './column-set-checks.js';
import type { ColumnPairChecks, ColumnSetChecks } from './column-set-checks.js';
import type { ColumnChecksFor } from './column-checks.js';
import type { Contract } from './define-contract.js';
import { MetricBound, SuiteCheck, orInvalid } from './suite-check.js';
import type { BoundOptions } from './suite-check.js';
import type { RowCheckOptions } from '../model/check.js';
import { checkOptions } from './validate.js';
import { KeyChecks, RowCountBound } from './reconcile-bound.js';

type FamilyOf<C> = C extends Column<unknown, infer F extends Family, boolean> ? F : never;
/** Pair comparisons need columns of one family (numbers with numbers, instants with instants). */
type PairOf<S extends Record<string, AnyColumn>, A extends keyof S, B extends keyof S> = [FamilyOf<S[A]>] extends [FamilyOf<S[B]>]
  ? ColumnPairChecks<keyof S & string>
  : ColumnSetChecks<keyof S & string>;

type ChecksOf<C> = C extends Column<infer T, infer F extends Family, boolean> ? ColumnChecksFor<T, F> : never;

/** The suite builder `t`: column names and check kinds are typed from the contract. */
export interface SuiteBuilder<S extends Record<string, AnyColumn>> {
  /** The row count; `.equalsDataset('orders_raw')` reconciles it with another dataset's. */
  rowCount(): RowCountBound;
  /**
   * A key (one column or several) whose distinct values must match another dataset's:
   * `t.keys('order_id').matchDataset('orders_raw', 'id')`.
   */
  keys(columns: (keyof S & string) | readonly (keyof S & string)[]): KeyChecks;
  columnCount(): MetricBound<number>;
  /** A compound key: no two rows share these values (rows with a null part are ignored). */
  unique(columns: readonly (keyof S & string)[], options?: RowCheckOptions): SuiteCheck;
  column<K extends keyof S & string>(name: K): ChecksOf<S[K]>;
  /**
   * Checks across columns of each row: a pair (`t.columns('shipped_at', 'ordered_at').aGreaterThanB({ orEqual: true })`,
   * `.equal()`), or any number of columns (`.sumEquals('gross')`, `.uniqueWithinRecord()`).
   */
  columns<A extends keyof S & string, B extends keyof S & string>(a: A, b: B): PairOf<S, A, B>;
  columns(...names: [keyof S & string, ...(keyof S & string)[]]): ColumnSetChecks<keyof S & string>;
  /**
   * An SQL rule (ODCS `type: sql`): the first value of a SELECT, where the dataset is visible under
   * its contract's name, e.g. `t.sql('SELECT max(amount) FROM orders').atMost(1000)`. SQL engines only.
   */
  sql(query: string): MetricBound<number>;
  /** ODCS duplicateValues over several columns: rows whose (non-null) key another row repeats, counted or in percent. */
  duplicates(columns: readonly (keyof S & string)[], options?: { unit?: 'rows' | 'percent' }): MetricBound<number>;
  /**
   * A custom predicate over the row, in the filter language: `t.expect('shipped_at >= ordered_at')`.
   * A row fails when it is false (a null result does not fail); failing rows are sampled.
   */
  expect(predicate: string, options?: RowCheckOptions): SuiteCheck;
}

function suiteBuilder(contract: ContractDef): SuiteBuilder<Record<string, AnyColumn>> {
  return {
    rowCount: () => new RowCountBound({ kind: 'row_count', params: {}, severity: 'error', location: captureCallSite() }),
    keys: (columns) => new KeyChecks(typeof columns === 'string' ? [columns] : [...columns]),
    columnCount: () => new MetricBound<number>({ kind: 'column_count', params: {}, severity: 'error', location: captureCallSite() }),
    unique(columns, options) {
      const location = captureCallSite();
      return orInvalid(() => {
        checkOptions(options, ['mostly'], 'unique', location);
        if (!Array.isArray(columns) || columns.length === 0) {
          throw new DatacheckError({
            code: 'check.invalid_option',
            message: `unique() on '${contract.name}' needs the key's columns`,
            location,
            expected: "an array of column names, e.g. ['customer_id', 'ordered_at']",
            found: JSON.stringify(columns),
          });
        }
        return new SuiteCheck({
          kind: 'unique',
          columns: [...columns],
          params: { columns: [...columns] },
          severity: 'error',
          ...(options?.mostly !== undefined && { mostly: options.mostly }),
          location,
        });
      }, SuiteCheck.invalid);
    },
    column: (name) => new ColumnChecks(name) as never,
    columns: (...names: string[]) => new ColumnSet(contract, names) as never,
    sql(query) {
      const location = captureCallSite();
      if (typeof query !== 'string' || query.trim() === '') {
        throw new DatacheckError({
          code: 'check.invalid_option',
          message: `sql() on '${contract.name}' needs a SELECT query`,
          location,
          expected: `a query such as 'SELECT count(*) FROM ${contract.name}'`,
          found: JSON.stringify(query),
        });
      }
      return new MetricBound<number>({ kind: 'sql_rule', params: { query }, severity: 'error', location });
    },
    duplicates: (columns, options) => violationsBound({ rule: 'duplicate', columns: [...columns] }, options),
    expect(predicate, options) {
      const location = captureCallSite();
      return orInvalid(() => {
        checkOptions(options, ['mostly'], 'expect', location);
        if (typeof predicate !== 'string' || predicate.trim() === '') {
          throw new DatacheckError({
            code: 'check.invalid_option',
            message: 'expect() needs a predicate in the filter language',
            location,
            expected: "a non-empty string, e.g. 'shipped_at >= ordered_at'",
            found: JSON.stringify(predicate) ?? String(predicate),
          });
        }
        return new SuiteCheck({
          kind: 'expect',
          params: { predicate },
          severity: 'error',
          ...(options?.mostly !== undefined && { mostly: options.mostly }),
          location,
        });
      }, SuiteCheck.invalid);
    },
  };
}

/**
 * An expectation suite over one contract. The callback returns the checks; each remembers the
 * file:line it was written on, which every report shows.
 */
export function defineSuite<S extends Record<string, AnyColumn>>(
  contract: Contract<S>,
  build: (t: SuiteBuilder<S>) => readonly SuiteCheck[],
): SuiteDef {
  const location = captureCallSite();
  if (contract?.kind !== 'contract') {
    throw new DatacheckError({
      code: 'suite.invalid',
      message: 'defineSuite expects a contract (what defineContract returns) as its first argument',
      location,
      expected: 'a contract',
      found: contract === undefined ? 'undefined (is the contract import path right?)' : typeof contract,
    });
  }
  const built = build(suiteBuilder(contract) as unknown as SuiteBuilder<S>);
  if (!Array.isArray(built)) {
    throw new DatacheckError({
      code: 'suite.invalid',
      message: `the suite for '${contract.name}' must return an array of checks`,
      location,
      expected: '(t) => [t.rowCount().atLeast(1), ...]',
      found: typeof built,
    });
  }
  // A check that could not be built is left out and reported (a run issue, exit 2) with its own
  // file:line; the suite's other checks still run.
  const invalid: Issue[] = [];
  const checks: CheckDef[] = [];
  built.forEach((item, i) => {
    if (!(item instanceof SuiteCheck)) {
      const found =
        item instanceof MetricBound ? 'a metric without a bound (add .between(), .atLeast(), .atMost() or .equals())' : typeof item;
      invalid.push({
        code: 'suite.invalid',
        message: `check #${i + 1} of the suite for '${contract.name}' is not a complete check`,
        location,
        expected: 'a check such as t.column("x").notNull()',
        found,
      });
      return;
    }
    if (item.problem) {
      invalid.push(item.problem);
      return;
    }
    const d = item.draft;
    checks.push({
      id: '',
      kind: d.kind,
      dataset: contract.name,
      ...(d.column !== undefined && { column: d.column }),
      ...(d.columns !== undefined && { columns: d.columns }),
      params: d.params,
      severity: d.severity,
      ...(d.mostly !== undefined && { mostly: d.mostly }),
      ...(d.where !== undefined && { where: d.where }),
      ...(d.title !== undefined && { title: d.title }),
      origin: 'suite',
      location: d.location,
    });
  });
  return { kind: 'suite', contract, checks: assignCheckIds(checks), location, ...(invalid.length > 0 && { invalid }) };
}

export type { BoundOptions };
