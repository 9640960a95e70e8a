import type { Contract, DataOf, RowOf } from '../dsl/define-contract.js';
import type { ConnectionDef } from '../model/config.js';
import type { ContractDef, InMemoryData } from '../model/contract.js';
import { DatacheckError } from '../model/issue.js';
import { classifyInMemory } from '../sources/in-memory-data.js';

/** How a dataset is read when a matcher runs its checks. */
export interface DatasetOptions {
  /** Project root that relative file sources resolve against (default: vitest's working directory, the project root). */
  cwd?: string;
  /**
   * The datasets this one's `.references()` point at (a contract, or `dataset(contract, data)` for
   * in-memory data): read to answer the references; their own checks are not judged.
   */
  references?: readonly (ContractDef | Dataset)[];
  /** Named connections for `{ table }` and `{ query }` sources (as in datacheck.config.ts). */
  connections?: Record<string, ConnectionDef>;
  /** Failing rows shown per check (default 5). */
  maxFailingRows?: number;
  /** What now() and current_date mean in filters and freshness (default: when the matcher runs). */
  now?: Date;
}

declare const contractType: unique symbol;

/** A contract's dataset for the matchers: `await expect(dataset(orders)).toSatisfyContract()`. */
export interface Dataset<C extends ContractDef = ContractDef> {
  readonly kind: 'dataset';
  readonly contract: ContractDef;
  /** In-memory data in place of the contract's source. */
  readonly data?: InMemoryData;
  readonly options: DatasetOptions;
  /** The contract's static type, for the column matchers (never set at run time). */
  readonly [contractType]?: C;
}

/**
 * The dataset of a contract, read from the contract's source, or from `data` held in memory (row
 * objects typed by the contract, an Apache Arrow Table or an arquero table). Nothing is read until a
 * matcher runs. `dataset(orders, { references: [customers] })` gives options without data.
 */
export function dataset<C extends Contract>(contract: C, options?: DatasetOptions): Dataset<C>;
export function dataset<C extends Contract>(contract: C, data: DataOf<RowOf<C>> | undefined, options?: DatasetOptions): Dataset<C>;
export function dataset(contract: Contract, dataOrOptions?: unknown, maybeOptions?: DatasetOptions): Dataset {
  if ((contract as ContractDef | undefined)?.kind !== 'contract') {
    throw new DatacheckError({
      code: 'api.invalid_options',
      message: 'dataset() expects a contract (what defineContract returns) as its first argument',
      expected: 'dataset(orders) or dataset(orders, rows)',
      found: contract === undefined ? 'undefined (is the contract import path right?)' : typeof contract,
    });
  }
  // Data is rows (an array) or a table (recognised by shape); any other object is the options.
  const isData = dataOrOptions !== undefined && (Array.isArray(dataOrOptions) || isTableLike(dataOrOptions));
  const data = isData ? (dataOrOptions as InMemoryData) : undefined;
  const options = (isData || dataOrOptions === undefined ? maybeOptions : (dataOrOptions as DatasetOptions)) ?? {};
  return { kind: 'dataset', contract, ...(data !== undefined && { data }), options };
}

function isTableLike(v: unknown): boolean {
  try {
    classifyInMemory(v, 'data');
    return true;
  } catch {
    return false;
  }
}

export function isDataset(v: unknown): v is Dataset {
  return typeof v === 'object' && v !== null && (v as Dataset).kind === 'dataset' && (v as Dataset).contract?.kind === 'contract';
}
