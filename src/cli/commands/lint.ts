import { lintContracts } from '../../lifecycle/lint/lint-contracts.js';
import { loadConfigFile } from '../../prepare/config-file.js';
import { loaderForRun } from '../../prepare/run-loader.js';
import { prepareProject } from '../../run/prepare.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { printIssue } from './lifecycle-io.js';

export interface LintOptions {
  config?: string;
}

/**
 * `datacheck lint [paths..]`: the project's contracts are found and loaded as a run finds them
 * (config, discovery, the isolated loader); a file that does not load (the DSL already refuses an
 * empty bound, an invalid regex, a bad key) is a finding too. Then the contradictions between
 * rules and between contracts. No data is read. Exit 2 on any finding, else 0.
 */
export async function lintCommand(paths: string[], opts: LintOptions, io: CliIo): Promise<number> {
  const { loader, issues: timeoutIssues, useConfig } = loaderForRun(io.cwd, undefined, io.env);
  const loadedConfig = await loadConfigFile(opts.config, io.cwd, loader);
  useConfig(loadedConfig.config);
  const project = await prepareProject({ cwd: io.cwd, paths, loadedConfig, loader, typecheck: false });
  const findings = [...timeoutIssues, ...project.issues, ...lintContracts(project.contracts)];
  for (const issue of findings) printIssue(io, issue);
  const n = project.contracts.length;
  if (findings.length > 0) {
    io.stderr.write(`${findings.length} problem${findings.length === 1 ? '' : 's'} in ${n} contract${n === 1 ? '' : 's'}\n`);
    return EXIT.error;
  }
  io.stdout.write(`${n} contract${n === 1 ? '' : 's'} linted: no contradiction found\n`);
  return EXIT.passed;
}
