import path from 'node:path';
import type { ConnectionDef } from '../model/config.js';
import type { ContractDef } from '../model/contract.js';
import type { Issue } from '../model/issue.js';
import type { SuiteDef } from '../model/suite.js';
import { odcsToDatacheck } from './odcs/to-datacheck.js';
import type { OdcsDocument } from './odcs/odcs-document.js';
import { sourcesForServer } from './odcs/servers.js';
import { readStandardFile } from './read-standard.js';

/** An ODCS or DCS contract file made ready for datacheck's own pipeline. */
export interface PreparedStandard {
  contracts: ContractDef[];
  suites: SuiteDef[];
  /** Problems that stop the run (schema errors, an unknown server) or parts that cannot be checked. */
  issues: Issue[];
  connections: Record<string, ConnectionDef>;
  /** The process environment plus what the connections read (a PostgreSQL URL built from the server). */
  env: NodeJS.ProcessEnv;
}

/**
 * Reads and validates the file, picks its server (`server`, else the first) and maps every schema
 * object onto a contract (its declared columns) and a suite (its quality rules). Paths of local
 * servers resolve against `cwd`, as `datacontract test` resolves them.
 */
export async function prepareStandardContract(
  file: string,
  opts: { cwd: string; server?: string; env?: NodeJS.ProcessEnv },
): Promise<PreparedStandard> {
  const env = opts.env ?? process.env;
  const display = path.relative(opts.cwd, path.resolve(opts.cwd, file)) || file;
  const none = { contracts: [], suites: [], connections: {}, env };
  const read = await readStandardFile(path.resolve(opts.cwd, file), display, { env });
  if (!read.ok) return { ...none, issues: read.issues };
  const { doc } = read.value;
  const odcs = doc.value as OdcsDocument;
  const server = sourcesForServer(odcs.servers, opts.server, display, env);
  if (!server.ok) return { ...none, issues: [server.issue] };
  const { sources } = server;
  const mapping = odcsToDatacheck(doc, (object) => sources.sourceOf(object.name, object.physicalName));
  const contracts = mapping.datasets.map((d) => d.contract);
  const suites: SuiteDef[] = mapping.datasets
    .filter((d) => d.checks.length > 0)
    .map((d) => ({ kind: 'suite', contract: d.contract, checks: d.checks, location: d.contract.location }));
  return { contracts, suites, issues: mapping.issues, connections: sources.connections, env: { ...env, ...sources.env } };
}
