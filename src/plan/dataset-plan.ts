import { assignCheckIds } from '../checks/check-id.js';
import { CHECK_KINDS } from '../checks/builtin.js';
import { checksFromContract } from '../checks/from-contract.js';
import { parseExpr } from '../expr/parse-expr.js';
import type { CheckDef } from '../model/check.js';
import type { ContractDef } from '../model/contract.js';
import type { Issue } from '../model/issue.js';
import type { SuiteDef } from '../model/suite.js';
import { buildPlan } from './build-plan.js';
import type { DatasetPlan } from './build-plan.js';
import { profileMetrics } from './profiles.js';
import type { ProfileLevel } from './profiles.js';

/** A contract with the checks its suites add: one dataset of a run (shared by `run` and `plan`). */
export interface Dataset {
  contract: ContractDef;
  suiteChecks: CheckDef[];
}

/** The dataset's checks (contract-derived and written), filtered, planned into deduplicated metrics; undefined when no check is selected. */
export function planDataset(
  dataset: Dataset,
  filter: string[] | undefined,
  sampleSize: number,
  profile: ProfileLevel = 'full',
): DatasetPlan | undefined {
  const { contract } = dataset;
  const suiteColumns = dataset.suiteChecks.flatMap((c) => c.columns ?? (c.column ? [c.column] : []));
  const taken = new Set<string>();
  const all = [...assignCheckIds(checksFromContract(contract, suiteColumns), taken), ...assignCheckIds(dataset.suiteChecks, taken)];
  const checks = selectChecks(contract.name, all, filter);
  if (checks.length === 0) return undefined;
  return buildPlan(contract, checks, { sampleSize, parseWhere: parseExpr, profile: profileMetrics(contract, profile) });
}

export function collectDatasets(input: { contracts: ContractDef[]; suites: SuiteDef[] }, issues: Issue[]): Map<string, Dataset> {
  const datasets = new Map<string, Dataset>();
  const add = (contract: ContractDef) => {
    const existing = datasets.get(contract.name);
    if (!existing) {
      datasets.set(contract.name, { contract, suiteChecks: [] });
      return true;
    }
    if (existing.contract !== contract) {
      issues.push({
        code: 'contract.duplicate_name',
        message: `two contracts are named '${contract.name}'`,
        location: contract.location,
        expected: 'unique contract names',
        found: `'${contract.name}' also at ${existing.contract.location.file}:${existing.contract.location.line}`,
      });
      return false;
    }
    return true;
  };
  for (const c of input.contracts) add(c);
  for (const suite of input.suites) {
    if (!add(suite.contract)) continue;
    datasets.get(suite.contract.name)!.suiteChecks.push(...suite.checks);
  }
  return datasets;
}

/**
 * `--filter`: whole datasets by name, or checks whose id or title (written or generated) contains
 * the text. Kinds that are `alwaysSelected` (the schema check) stay with any selected check: without
 * it, a check on a column the data lacks would be skipped and the run could pass having checked nothing.
 */
function selectChecks(name: string, checks: CheckDef[], filter: string[] | undefined): CheckDef[] {
  if (!filter?.length || filter.includes(name)) return checks;
  const title = (c: CheckDef) => c.title ?? CHECK_KINDS.get(c.kind)?.describe(c) ?? '';
  const selected = checks.filter((c) => filter.some((f) => c.id.includes(f) || title(c).includes(f)));
  const always = (c: CheckDef) => CHECK_KINDS.get(c.kind)?.alwaysSelected === true;
  if (selected.length === 0) return selected;
  const chosen = new Set(selected);
  return checks.filter((c) => chosen.has(c) || always(c));
}
