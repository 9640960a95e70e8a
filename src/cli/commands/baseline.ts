import { loaderForRun } from '../../prepare/run-loader.js';
import { loadConfigFile } from '../../prepare/config-file.js';
import { prepareProject } from '../../run/prepare.js';
import { saveBaselines } from '../../run/save-baseline.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';

export interface BaselineSaveOptions {
  config?: string;
  dir?: string;
  filter?: string[];
}

/**
 * `datacheck baseline save [paths..]`: a baseline file per dataset of the discovered contracts
 * (`baselines/<dataset>.json`, or `--dir`), for drift checks to compare against. Exit 0 when every
 * dataset was saved, 2 when one could not be read (it says why; the others are still written).
 */
export async function baselineSaveCommand(paths: string[], opts: BaselineSaveOptions, io: CliIo): Promise<number> {
  const { loader, issues: timeoutIssues, useConfig } = loaderForRun(io.cwd, undefined, io.env);
  const loadedConfig = await loadConfigFile(opts.config, io.cwd, loader);
  useConfig(loadedConfig.config);
  const project = await prepareProject({ cwd: io.cwd, paths, loadedConfig, loader, typecheck: false });
  const problems = [...timeoutIssues, ...project.issues];
  for (const issue of problems) io.stderr.write(`error: ${issue.message}\n`);
  const contracts = project.contracts.filter((c) => c.source && (!opts.filter?.length || opts.filter.includes(c.name)));
  if (contracts.length === 0) {
    io.stderr.write(
      `error: no contract with a source${opts.filter?.length ? ` named ${opts.filter.join(', ')}` : ''} to save a baseline of\n`,
    );
    return EXIT.error;
  }
  const saved = await saveBaselines({
    cwd: io.cwd,
    contracts,
    ...(loadedConfig.config.connections && { connections: loadedConfig.config.connections }),
    env: io.env,
    ...(opts.dir && { dir: opts.dir }),
  });
  let failed = problems.length > 0;
  for (const s of saved) {
    if ('issue' in s) {
      failed = true;
      io.stderr.write(`error: ${s.dataset}: ${s.issue.message}\n`);
    } else io.stdout.write(`saved ${s.file} (${s.dataset}, ${s.columns} columns)\n`);
  }
  return failed ? EXIT.error : EXIT.passed;
}
