import type { ContractDef, InMemoryData } from '../model/contract.js';
import { DatacheckError } from '../model/issue.js';
import type { SuiteDef } from '../model/suite.js';

/**
 * The contracts and suites with in-memory data in place of the named datasets' sources. A suite
 * names its contract by reference, so it is pointed at the replaced contract too (else the run
 * would see two contracts of one name). Data for a dataset no contract has is refused by name.
 */
export function withData(
  contracts: readonly ContractDef[],
  suites: readonly SuiteDef[],
  data: Readonly<Record<string, InMemoryData>>,
): { contracts: ContractDef[]; suites: SuiteDef[] } {
  const names = new Set([...contracts, ...suites.map((s) => s.contract)].map((c) => c.name));
  for (const name of Object.keys(data)) {
    if (!names.has(name)) {
      throw new DatacheckError({
        code: 'api.invalid_options',
        message: `run() was given data for '${name}', which no contract or suite of the run checks`,
        expected: names.size ? `one of ${[...names].join(', ')}` : 'a contract or suite in the run',
        found: name,
      });
    }
  }
  const replaced = new Map<ContractDef, ContractDef>();
  const replace = (c: ContractDef): ContractDef => {
    if (!Object.hasOwn(data, c.name)) return c;
    let r = replaced.get(c);
    if (!r) replaced.set(c, (r = { ...c, source: { data: data[c.name] } }));
    return r;
  };
  return {
    contracts: contracts.map(replace),
    suites: suites.map((s) => (Object.hasOwn(data, s.contract.name) ? { ...s, contract: replace(s.contract) } : s)),
  };
}
