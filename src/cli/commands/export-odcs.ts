import path from 'node:path';
import type { ConnectionDef } from '../../model/config.js';
import { loadConfigFile } from '../../prepare/config-file.js';
import { loaderForRun } from '../../prepare/run-loader.js';
import { prepareProject } from '../../run/prepare.js';
import type { ExportConnection } from '../../standards/odcs/from-datacheck.js';
import { contractToOdcs } from '../../standards/odcs/from-datacheck.js';
import { odcsYaml } from '../../standards/odcs/write-odcs.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { printIssue, writeOutput } from './lifecycle-io.js';

export interface ExportOdcsOptions {
  config?: string;
  output?: string;
}

/** Host, port and database of a connection, for the ODCS server entry; user and password never leave the URL. */
function exportConnection(def: ConnectionDef | undefined, env: CliIo['env']): ExportConnection | undefined {
  if (!def) return undefined;
  if (def.kind === 'duckdb') return { kind: 'duckdb', ...(def.path && { path: def.path }) };
  const raw = def.urlEnv ? env[def.urlEnv] : undefined;
  if (!raw) return { kind: 'postgres' };
  try {
    const url = new URL(raw);
    return { kind: 'postgres', host: url.hostname, port: Number(url.port || 5432), database: decodeURIComponent(url.pathname.slice(1)) };
  } catch {
    return { kind: 'postgres' };
  }
}

/**
 * `datacheck export odcs <contract.ts>`: the contract (and the checks of its suites that ODCS can
 * express) as an ODCS v3.1.0 YAML document, on stdout or in --output. What ODCS cannot
 * express is listed on stderr, never dropped silently.
 */
export async function exportOdcsCommand(file: string, opts: ExportOdcsOptions, io: CliIo): Promise<number> {
  const { loader, useConfig } = loaderForRun(io.cwd, undefined, io.env);
  const loadedConfig = await loadConfigFile(opts.config, io.cwd, loader);
  useConfig(loadedConfig.config);
  // The whole project is loaded so that the suites written against the contract come along.
  const project = await prepareProject({ cwd: io.cwd, paths: [], loadedConfig, loader, typecheck: false });
  const wanted = path.resolve(io.cwd, file);
  const contract = project.contracts.find((c) => path.resolve(io.cwd, c.location.file) === wanted);
  if (!contract) {
    for (const issue of project.issues) io.stderr.write(`error: ${issue.message}\n`);
    io.stderr.write(`error: no contract was loaded from ${file} (is it a *.contract.ts file the project includes?)\n`);
    return EXIT.error;
  }
  const checks = project.suites.filter((s) => s.contract === contract).flatMap((s) => s.checks);
  const source = contract.source;
  const connectionName = source && 'connection' in source ? source.connection : undefined;
  const connection = exportConnection(connectionName ? loadedConfig.config.connections?.[connectionName] : undefined, io.env);
  const { document, dropped } = contractToOdcs(contract, checks, connection);
  for (const d of dropped) io.stderr.write(`warning: not exported (ODCS cannot express it): ${d}\n`);
  const problem = writeOutput(io, odcsYaml(document), opts.output, [file]);
  if (problem) {
    printIssue(io, problem);
    return EXIT.error;
  }
  return EXIT.passed;
}
