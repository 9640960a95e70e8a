import type { ArqueroTableLike, ArrowTableLike, ContractDef, FreshnessDef, SourceDef } from '../model/contract.js';
import { DatacheckError } from '../model/issue.js';
import type { SourceLocation } from '../model/issue.js';
import { captureCallSite } from './call-site.js';
import type { AnyColumn } from './column.js';
import type { ValueOfColumn } from './col.js';

/** A duration like '30m', '24h', '7d', '2w'. */
export type Duration = `${number}${'s' | 'm' | 'h' | 'd' | 'w'}`;

export interface ContractInput<S extends Record<string, AnyColumn>> {
  name: string;
  version?: string;
  owner?: string;
  description?: string;
  /** `{ data }` rows are typed by the columns: a row of the wrong shape does not compile. */
  source?: SourceInput<NoInfer<S>>;
  columns: S;
  /** A compound primary key, e.g. `['order_id', 'line_no']`: unique together, each not null. */
  primaryKey?: readonly (keyof S & string)[];
  /** Columns the contract does not name: 'allow' (default) or 'forbid' (a failing schema check). */
  extraColumns?: 'allow' | 'forbid';
  /**
   * `{ column, within }`: the column's newest value is that recent; `{ file: true, within }`: the
   * source files' newest modification time is (file sources only).
   */
  freshness?: { column: keyof S & string; within: Duration } | { file: true; within: Duration };
  /**
   * Look for personal data in the free text of every string column not marked `.pii()` (and
   * without its own `.noPii()`): a no_pii check of every kind on each.
   */
  detectPii?: boolean;
  tags?: string[];
}

declare const columnsShape: unique symbol;

/** A contract: plain data (ContractDef) that also carries its columns' static types. */
export type Contract<S extends Record<string, AnyColumn> = Record<string, AnyColumn>> = ContractDef & {
  readonly [columnsShape]?: S;
};

/** The static type of one row of a contract's dataset. `type Order = RowOf<typeof orders>`. */
export type RowOf<C> = C extends Contract<infer S> ? RowOfColumns<S> : never;

/** One row of a contract with these columns. */
export type RowOfColumns<S extends Record<string, AnyColumn>> = { [K in keyof S]: ValueOfColumn<S[K]> };

/** Data held in memory for a dataset whose rows are `Row`: row objects, an Apache Arrow Table or an arquero table. */
export type DataOf<Row> = readonly Row[] | ArrowTableLike | ArqueroTableLike;

/** A contract's source as written: any SourceDef, with in-memory rows typed by the contract's columns. */
export type SourceInput<S extends Record<string, AnyColumn>> = SourceDef | { data: DataOf<RowOfColumns<S>> };

export function defineContract<const S extends Record<string, AnyColumn>>(input: ContractInput<S>): Contract<S> {
  const location = captureCallSite();
  if (!input || typeof input.name !== 'string' || input.name.trim() === '') {
    throw new DatacheckError({
      code: 'contract.invalid',
      message: 'defineContract needs a non-empty `name`',
      location,
      expected: "a name like 'orders'",
      found: JSON.stringify(input?.name),
    });
  }
  if (!input.columns || typeof input.columns !== 'object' || Object.keys(input.columns).length === 0) {
    throw new DatacheckError({
      code: 'contract.invalid',
      message: `contract '${input.name}' declares no columns`,
      location,
      expected: 'columns: { name: col.string(), ... }',
      found: JSON.stringify(input.columns),
    });
  }
  const columns: ContractDef['columns'] = {};
  for (const [name, column] of Object.entries(input.columns)) {
    if (!column || typeof column !== 'object' || !('def' in column)) {
      throw new DatacheckError({
        code: 'contract.invalid',
        message: `column '${name}' of contract '${input.name}' is not a column builder`,
        location,
        expected: 'a column type such as col.string() or col.int64()',
        found: typeof column,
      });
    }
    columns[name] = { ...column.def, location: column.location };
  }
  const freshness = input.freshness;
  if (freshness && 'file' in freshness) refuseFileFreshness(input.name, freshness.file, input.source, location);
  else if (freshness && !(freshness.column in columns)) {
    throw new DatacheckError({
      code: 'contract.invalid',
      message: `freshness names column '${freshness.column}', which contract '${input.name}' does not declare`,
      location,
      expected: `one of ${Object.keys(columns).join(', ')}`,
      found: String(freshness.column),
    });
  }
  const primaryKey = validPrimaryKey(input.name, input.primaryKey, columns, location);
  const def: ContractDef = {
    kind: 'contract',
    name: input.name,
    ...(input.version !== undefined && { version: input.version }),
    ...(input.owner !== undefined && { owner: input.owner }),
    ...(input.description !== undefined && { description: input.description }),
    ...(input.source !== undefined && { source: input.source }),
    columns,
    ...(primaryKey !== undefined && { primaryKey }),
    ...(input.extraColumns !== undefined && { extraColumns: input.extraColumns }),
    ...(freshness !== undefined && { freshness: freshness as FreshnessDef }),
    ...(input.detectPii === true && { detectPii: true }),
    ...(input.tags !== undefined && { tags: input.tags }),
    location,
  };
  return def as Contract<S>;
}

/** File freshness needs files: a table, a query or in-memory data has no modification time. */
function refuseFileFreshness(contract: string, file: unknown, source: object | undefined, location: SourceLocation): void {
  const problem =
    file !== true
      ? { expected: 'freshness: { file: true, within: ... }', found: `file: ${JSON.stringify(file)}` }
      : source !== undefined && !('file' in source)
        ? { expected: "a file source, e.g. source: { file: 'data/*.csv' }", found: `source: { ${Object.keys(source).join(', ')} }` }
        : undefined;
  if (!problem) return;
  throw new DatacheckError({
    code: 'contract.invalid',
    message: `contract '${contract}': freshness { file: true } measures the source files' modification time, and this source has no files`,
    location,
    ...problem,
  });
}

/**
 * The contract's key, checked against its columns. A key lives in one place: two `.primaryKey()`
 * columns would otherwise read as two separate unique columns, which is not what a compound key
 * promises, so they are refused with the spelling that says what was meant.
 */
function validPrimaryKey(
  contract: string,
  key: readonly string[] | undefined,
  columns: ContractDef['columns'],
  location: SourceLocation,
): string[] | undefined {
  const marked = Object.keys(columns).filter((name) => columns[name].primaryKey);
  if (key === undefined) {
    if (marked.length < 2) return undefined;
    throw new DatacheckError({
      code: 'contract.invalid',
      message: `contract '${contract}' marks ${marked.map((c) => `'${c}'`).join(' and ')} with .primaryKey(); a contract has one primary key: write primaryKey: [${marked.map((c) => `'${c}'`).join(', ')}] for a compound key, or .unique() on columns that are unique each`,
      location,
      expected: `primaryKey: [${marked.map((c) => `'${c}'`).join(', ')}]`,
      found: marked.map((c) => `${c}: ….primaryKey()`).join(', '),
    });
  }
  const problem =
    !Array.isArray(key) || key.length === 0
      ? { expected: "a non-empty array of column names, e.g. ['order_id', 'line_no']", found: JSON.stringify(key) }
      : key.find((c) => typeof c !== 'string' || !(c in columns)) !== undefined
        ? {
            expected: `columns of '${contract}': ${Object.keys(columns).join(', ')}`,
            found: String(key.find((c) => typeof c !== 'string' || !(c in columns))),
          }
        : new Set(key).size !== key.length
          ? { expected: 'each column once', found: JSON.stringify(key) }
          : marked.length > 0
            ? {
                expected: 'the key in one place: primaryKey: [...] or one .primaryKey() column',
                found: `primaryKey: ${JSON.stringify(key)} and ${marked.map((c) => `${c}: ….primaryKey()`).join(', ')}`,
              }
            : undefined;
  if (problem) {
    throw new DatacheckError({
      code: 'contract.invalid',
      message: `contract '${contract}' has an invalid primaryKey`,
      location,
      ...problem,
    });
  }
  return [...key];
}
