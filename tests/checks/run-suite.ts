import type { Contract } from '../../src/dsl/define-contract.js';
import type { AnyColumn } from '../../src/dsl/column.js';
import { defineSuite } from '../../src/index.js';
import type { ContractDef } from '../../src/model/contract.js';
import type { CheckResult } from '../../src/model/result.js';
import type { SuiteDef } from '../../src/model/suite.js';
import { runDatacheck } from '../../src/run/runner.js';

/** One suite on one contract through the real runner in `cwd`; the results of the suite's own checks (not the contract's). */
export async function runSuite<S extends Record<string, AnyColumn>>(
  cwd: string,
  contract: Contract<S>,
  build: Parameters<typeof defineSuite<S>>[1],
): Promise<{ suite: SuiteDef; checks: CheckResult[] }> {
  const suite = defineSuite(contract, build);
  const r = await runDatacheck({
    cwd,
    contracts: [contract as unknown as ContractDef],
    suites: [suite],
    issues: [],
    maxFailingRows: 5,
  });
  return { suite, checks: r.datasets[0].checks.filter((c) => c.origin === 'suite') };
}
