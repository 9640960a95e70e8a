import type { CheckDef } from './check.js';
import type { ContractDef } from './contract.js';
import type { Issue, SourceLocation } from './issue.js';

/** An expectation suite as plain data: checks over one contract's dataset. */
export interface SuiteDef {
  kind: 'suite';
  /** The contract the suite was written against (by reference: the same object the contract file exports). */
  contract: ContractDef;
  checks: CheckDef[];
  location: SourceLocation;
  /**
   * Checks of the suite that could not be built (`between(null, null)`, a bad regex), each with
   * the file:line that wrote it. The run reports them as issues (exit 2) and runs the rest.
   */
  invalid?: Issue[];
}
