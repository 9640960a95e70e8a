import type { Dialect } from '../../engines/sql/dialect.js';
import type { Issue } from '../../model/issue.js';
import { collectDatasets, planDataset } from '../../plan/dataset-plan.js';
import { discover } from '../../prepare/discover.js';
import { explainDataset } from '../../run/explain-dataset.js';
import { loadUserFiles } from '../../prepare/load.js';
import { loaderForRun } from '../../prepare/run-loader.js';
import { loadConfigFile } from '../../prepare/config-file.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';

export interface PlanOptions {
  config?: string;
  filter?: string[];
  dialect?: Dialect['name'];
  maxFailingRows?: number;
}

/**
 * `datacheck plan [paths..]`: per dataset, the engine, the metrics (canonical keys) and the exact
 * SQL with its parameters, without running anything: no data is read, no connection opened.
 */
export async function planCommand(paths: string[], opts: PlanOptions, io: CliIo): Promise<number> {
  const { loader, issues: timeoutIssues, useConfig } = loaderForRun(io.cwd, undefined, io.env);
  const { config, issues: configIssues } = await loadConfigFile(opts.config, io.cwd, loader);
  useConfig(config);
  const discovery = await discover({ cwd: io.cwd, paths, ...(config.include && { patterns: config.include }), ...(config.exclude && { exclude: config.exclude }) });
  const loaded = await loadUserFiles(discovery.files, { cwd: io.cwd, loader });
  const issues: Issue[] = [...timeoutIssues, ...configIssues, ...discovery.issues, ...loaded.issues];
  const datasets = collectDatasets(loaded, issues);
  for (const issue of issues) io.stderr.write(`error: ${issue.message}\n`);
  const now = new Date();
  for (const dataset of datasets.values()) {
    const plan = planDataset(dataset, opts.filter, opts.maxFailingRows ?? config.maxFailingRows ?? 10);
    if (!plan) continue;
    try {
      io.stdout.write(`${await explainDataset(plan, config.connections ?? {}, io.cwd, now, opts.dialect)}\n`);
    } catch (e) {
      io.stderr.write(`error: ${dataset.contract.name}: ${(e as Error).message}\n`);
      issues.push({ code: 'plan.failed', message: (e as Error).message });
    }
  }
  return issues.length > 0 ? EXIT.error : EXIT.passed;
}
