import { explainDataset } from '../../access/explain-read.js';
import type { Dialect } from '../../engines/sql/dialect.js';
import type { ProfileLevel } from '../../plan/profiles.js';
import { loaderForRun } from '../../prepare/run-loader.js';
import { loadConfigFile } from '../../prepare/config-file.js';
import { planRun } from '../../run/plan-run.js';
import { prepareProject } from '../../run/prepare.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { resolveDbt } from '../../access/dbt/dbt-resolution.js';
import { dbtOptions } from '../../access/dbt/dbt-options.js';
import type { DbtFlags } from '../../access/dbt/dbt-options.js';
import { planOptions } from '../plan-options.js';
import { selectReporters } from '../select-reporters.js';

export interface PlanOptions extends DbtFlags {
  config?: string;
  filter?: string[];
  dialect?: Dialect['name'];
  maxFailingRows?: number;
  /** The reporters the run would write: they decide the profile (histograms only for html), as in a run. */
  reporter?: string[];
  profile?: ProfileLevel;
}

/**
 * `datacheck plan [paths..]`: per dataset, the engine, the metrics (canonical keys) and the exact
 * SQL with its parameters, without running anything: no data is read, no connection opened. It
 * plans with the run's own functions (prepare, planRun) and options, so it prints what the run sends.
 */
export async function planCommand(paths: string[], opts: PlanOptions, io: CliIo): Promise<number> {
  const { loader, issues: timeoutIssues, useConfig } = loaderForRun(io.cwd, undefined, io.env);
  const loadedConfig = await loadConfigFile(opts.config, io.cwd, loader);
  const { config, file: configFile } = loadedConfig;
  useConfig(config);
  const selection = selectReporters(opts.reporter, config.reporters, undefined);
  if (!selection.ok) {
    io.stderr.write(`error: ${selection.message}\n`);
    return EXIT.error;
  }
  const project = await prepareProject({ cwd: io.cwd, paths, loadedConfig, loader, typecheck: false });
  const plan = await planRun({
    contracts: project.contracts,
    suites: project.suites,
    issues: project.issues,
    ...planOptions(opts, config, selection.reporters),
    connections: config.connections ?? {},
    baseDir: io.cwd,
    dbt: resolveDbt(project.contracts, dbtOptions(opts, config, configFile, io.cwd, io.env)),
  });
  const issues = [...timeoutIssues, ...plan.issues];
  for (const issue of issues) io.stderr.write(`error: ${issue.message}\n`);
  const now = new Date();
  for (const dataset of plan.datasets) {
    if (dataset.read.engine === 'none') {
      io.stderr.write(`error: ${dataset.plan.contract.name}: ${dataset.read.issue.message}\n`);
      issues.push(dataset.read.issue);
    }
    try {
      io.stdout.write(`${explainDataset(dataset, now, opts.dialect)}\n`);
    } catch (e) {
      io.stderr.write(`error: ${dataset.plan.contract.name}: ${(e as Error).message}\n`);
      issues.push({ code: 'plan.failed', message: (e as Error).message });
    }
  }
  return issues.length > 0 ? EXIT.error : EXIT.passed;
}
