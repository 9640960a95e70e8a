import type { Scalar } from './contract.js';
import type { SourceLocation } from './issue.js';

export type Severity = 'error' | 'warn';

/** An inclusive (unless strict) interval; `null` is an open end. */
export interface Bound {
  min: number | string | null;
  max: number | string | null;
  strict?: boolean;
}

/** Options every row-level check accepts. */
export interface RowCheckOptions {
  /** Share of the considered rows that must pass, 0..1. Default 1. */
  mostly?: number;
}

/**
 * A check as plain data. `kind` selects a CheckKind in src/checks/kinds; `params` is that kind's
 * own (validated) parameters.
 */
export interface CheckDef<P = Record<string, unknown>> {
  /** Stable across runs: dataset, kind, column(s) and a digest of params and filter. */
  id: string;
  kind: string;
  dataset: string;
  column?: string;
  columns?: string[];
  params: P;
  severity: Severity;
  mostly?: number;
  /** A filter in datacheck's expression language (src/expr), e.g. `status = 'placed' and amount > 0`. */
  where?: string;
  title?: string;
  /** Where the check came from: a contract modifier or a suite line. */
  origin: 'contract' | 'suite';
  location: SourceLocation;
}

export type { Scalar };
