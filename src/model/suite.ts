import type { CheckDef } from './check.js';
import type { ContractDef } from './contract.js';
import type { SourceLocation } from './issue.js';

/** An expectation suite as plain data: checks over one contract's dataset. */
export interface SuiteDef {
  kind: 'suite';
  /** The contract the suite was written against (by reference: the same object the contract file exports). */
  contract: ContractDef;
  checks: CheckDef[];
  location: SourceLocation;
}
