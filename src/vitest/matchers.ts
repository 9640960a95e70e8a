import { run } from '../api/run.js';
import { defineSuite } from '../dsl/define-suite.js';
import type { SuiteBuilder } from '../dsl/define-suite.js';
import type { SuiteCheck } from '../dsl/suite-check.js';
import type { AnyColumn } from '../dsl/column.js';
import type { Contract, RowOf } from '../dsl/define-contract.js';
import type { ContractDef } from '../model/contract.js';
import type { CheckResult, RunResult } from '../model/result.js';
import type { SuiteDef } from '../model/suite.js';
import { isDataset } from './dataset.js';
import type { Dataset } from './dataset.js';
import { failureMessage, narrowRun, passedMessage } from './failure-message.js';

/** What a matcher returns to vitest (`SyncExpectationResult`). */
interface MatcherResult {
  pass: boolean;
  message: () => string;
}

/** The part of vitest's matcher state the matchers read: whether `.not` was used. */
interface MatcherContext {
  isNot: boolean;
}

type ContractOf<T> = T extends Dataset<infer C> ? C : never;
/** The columns of the dataset's contract; any string when the value is not a typed dataset. */
export type ColumnOf<T> = [ContractOf<T>] extends [never] ? string : keyof RowOf<ContractOf<T>> & string;
type Bound = number | string | Date | null;

/**
 * The matchers, typed by the dataset's contract: `toHaveNoNulls('emial')` does not compile. Every one
 * is async (it reads the data): `await expect(dataset(orders)).toSatisfyContract()`.
 */
export interface DatacheckMatchers<T = unknown> {
  /** Every check the contract implies passes (warnings allowed), as `npx datacheck` would say. */
  toSatisfyContract(): Promise<void>;
  /** The suite's checks, and its contract's, pass (warnings allowed). The suite is one written for this dataset's contract. */
  toPass(suite: SuiteDef): Promise<void>;
  /** The column has no null values. */
  toHaveNoNulls(column: ColumnOf<T>): Promise<void>;
  /** No two rows share a value of the column (nulls ignored). */
  toHaveUniqueValues(column: ColumnOf<T>): Promise<void>;
  /** Every non-null value of the column is one of these. */
  toHaveValuesIn(column: ColumnOf<T>, values: readonly (string | number | boolean | bigint | Date)[]): Promise<void>;
  /** Every non-null value of the column is within the bounds (inclusive; null for an open end). */
  toHaveValuesBetween(column: ColumnOf<T>, min: Bound, max: Bound): Promise<void>;
  /** The dataset has this many rows, or a count within `{ min, max }`. */
  toHaveRowCount(expected: number | { min?: number; max?: number }): Promise<void>;
}

type Build = (t: SuiteBuilder<Record<string, AnyColumn>>) => SuiteCheck;

/** The matcher implementations for `expect.extend(datacheckMatchers)`. */
export const datacheckMatchers = {
  toSatisfyContract(this: MatcherContext, received: unknown) {
    return judgeRun(this, received, 'to satisfy its contract');
  },
  toPass(this: MatcherContext, received: unknown, suite: SuiteDef) {
    if (suite?.kind !== 'suite') return Promise.resolve(misuse('toPass() expects a suite (what defineSuite returns)', suite));
    if (isDataset(received) && suite.contract.name !== received.contract.name) {
      return Promise.resolve(misuse(`toPass() was given a suite for '${suite.contract.name}', not for '${received.contract.name}'`, suite));
    }
    return judgeRun(this, received, 'to pass its suite', suite);
  },
  toHaveNoNulls(this: MatcherContext, received: unknown, column: string) {
    return judgeCheck(this, received, `to have no nulls in '${column}'`, column, (t) => t.column(column).notNull());
  },
  toHaveUniqueValues(this: MatcherContext, received: unknown, column: string) {
    return judgeCheck(this, received, `to have unique values in '${column}'`, column, (t) => t.column(column).unique());
  },
  toHaveValuesIn(this: MatcherContext, received: unknown, column: string, values: readonly unknown[]) {
    return judgeCheck(this, received, `to have only the given values in '${column}'`, column, (t) =>
      t.column(column).oneOf(values as never),
    );
  },
  toHaveValuesBetween(this: MatcherContext, received: unknown, column: string, min: Bound, max: Bound) {
    const between = (t: SuiteBuilder<Record<string, AnyColumn>>) => (t.column(column) as unknown as Between).between(min, max);
    return judgeCheck(this, received, `to have values of '${column}' between ${String(min)} and ${String(max)}`, column, between);
  },
  toHaveRowCount(this: MatcherContext, received: unknown, expected: number | { min?: number; max?: number }) {
    const [min, max] = typeof expected === 'number' ? [expected, expected] : [expected?.min ?? null, expected?.max ?? null];
    return judgeCheck(
      this,
      received,
      `to have ${typeof expected === 'number' ? expected : JSON.stringify(expected)} rows`,
      undefined,
      (t) => t.rowCount().between(min, max),
    );
  },
};

interface Between {
  between(min: Bound, max: Bound): SuiteCheck;
}

/** Runs the dataset (and the datasets its references need) and keeps only its own result. */
async function runOn(ds: Dataset, suites: SuiteDef[]): Promise<RunResult> {
  const { contract, options } = ds;
  const all = [ds, ...(options.references ?? []).map((r) => (isDataset(r) ? r : { contract: r as ContractDef, data: undefined }))];
  const data = Object.fromEntries(all.filter((d) => d.data !== undefined).map((d) => [d.contract.name, d.data!]));
  const result = await run({
    cwd: options.cwd ?? process.cwd(),
    contracts: all.map((d) => d.contract),
    // A suite is checked against the dataset's contract object (a copy of it would be a second contract of the same name).
    suites: suites.map((s) => (s.contract.name === contract.name ? { ...s, contract } : s)),
    data,
    maxFailingRows: options.maxFailingRows ?? 5,
    ...(options.connections && { config: { kind: 'config', connections: options.connections } }),
    ...(options.now && { now: options.now }),
  });
  return { ...result, datasets: result.datasets.filter((d) => d.name === contract.name) };
}

/** The whole run must pass: every check of the contract (and the suite), no issue. */
async function judgeRun(ctx: MatcherContext, received: unknown, what: string, suite?: SuiteDef): Promise<MatcherResult> {
  if (!isDataset(received)) return misuse(`expect() needs dataset(contract) to check it ${what}`, received);
  const result = narrowRun(await runOn(received, suite ? [suite] : []), () => true);
  const claim = `expected dataset '${received.contract.name}'${ctx.isNot ? ' not' : ''} ${what}`;
  const pass = issueCount(result) === 0 && result.counts.fail === 0 && result.counts.error === 0;
  return { pass, message: () => (pass ? passedMessage(claim, result) : failureMessage(claim, result)) };
}

/**
 * One check, built with the suite DSL, must pass. The contract's other checks run too (they type
 * the data) but are judged only where they explain this one: a missing column (schema) or values
 * of the column that are not of its type.
 */
async function judgeCheck(ctx: MatcherContext, received: unknown, what: string, column: string | undefined, build: Build) {
  if (!isDataset(received)) return misuse(`expect() needs dataset(contract) to check it ${what}`, received);
  let suite: SuiteDef;
  try {
    suite = defineSuite(received.contract as Contract, (t) => [build(t)]);
  } catch (e) {
    return misuse((e as Error).message, undefined);
  }
  const full = await runOn(received, [suite]);
  const explains = (c: CheckResult) =>
    c.origin === 'suite' || (c.outcome !== 'pass' && (c.kind === 'schema' || (c.kind === 'column_type' && c.column === column)));
  const result = narrowRun(full, explains);
  const pass = issueCount(result) === 0 && result.datasets.every((d) => d.checks.every((c) => c.outcome === 'pass'));
  const claim = `expected dataset '${received.contract.name}'${ctx.isNot ? ' not' : ''} ${what}`;
  return { pass, message: () => (pass ? passedMessage(claim, result) : failureMessage(claim, result)) };
}

function issueCount(result: RunResult): number {
  return result.issues.length + result.datasets.reduce((n, d) => n + d.issues.length, 0);
}

function misuse(message: string, received: unknown): MatcherResult {
  const found = received === null ? 'null' : typeof received;
  return { pass: false, message: () => `${message} (received ${found})` };
}
