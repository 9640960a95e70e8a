import type { ConnectionDef } from '../../model/config.js';
import type { ContractDef } from '../../model/contract.js';
import { isDatacheckError } from '../../model/issue.js';
import type { Issue } from '../../model/issue.js';
import { loadDbtProject } from './dbt-project.js';
import type { DbtOptions, DbtProject } from './dbt-project.js';

/** The dbt project of a run, or why it cannot be used (every `{ dbt }` dataset then reports that issue). */
export type DbtResolution = { ok: true; project: DbtProject } | { ok: false; issue: Issue };

/**
 * Loads the dbt project when some contract has a `{ dbt }` source, once per run; undefined when
 * none has (a project without dbt never reads a dbt file). Never throws.
 */
export function resolveDbt(contracts: ContractDef[], options: DbtOptions | undefined): DbtResolution | undefined {
  if (!options || !contracts.some((c) => c.source && 'dbt' in c.source)) return undefined;
  try {
    return { ok: true, project: loadDbtProject(options) };
  } catch (e) {
    if (isDatacheckError(e)) return { ok: false, issue: e.issue };
    return {
      ok: false,
      issue: { code: 'dbt.profile', message: `the dbt project could not be read: ${(e as Error)?.message ?? String(e)}` },
    };
  }
}

/** The run's connections with the dbt target's added, and the environment its URL is read from. */
export function withDbtConnection(
  connections: Record<string, ConnectionDef>,
  env: NodeJS.ProcessEnv,
  dbt: DbtResolution | undefined,
): { connections: Record<string, ConnectionDef>; env: NodeJS.ProcessEnv } {
  if (!dbt?.ok) return { connections, env };
  const { connectionName, connection } = dbt.project;
  return { connections: { ...connections, [connectionName]: connection.def }, env: { ...env, ...connection.env } };
}
