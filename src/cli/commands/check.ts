import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Severity } from '../../model/check.js';
import type { Issue } from '../../model/issue.js';
import type { RunResult } from '../../model/result.js';
import { discover } from '../../prepare/discover.js';
import { loadUserFiles } from '../../prepare/load.js';
import { loaderForRun } from '../../prepare/run-loader.js';
import type { LoadError, LoadedProject } from '../../prepare/load.js';
import { typecheckFiles } from '../../prepare/typecheck.js';
import { loadConfigFile } from '../../prepare/config-file.js';
import { EXIT, exitCodeFor } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { requireOpenLineage, selectReporters } from '../select-reporters.js';
import { renderAll } from './render.js';

export interface CheckOptions {
  config?: string;
  reporter?: string[];
  outputFile?: string[];
  filter?: string[];
  failOn?: Severity;
  openlineageRequired?: boolean;
  maxFailingRows?: number;
  profile?: 'basic' | 'full';
  typecheck: boolean;
  loadTimeout?: string;
  verbose?: boolean;
  debug?: boolean;
}

/**
 * `datacheck [paths..]`: config, discovery, loading, type-checking, the run, the reports, the exit
 * code. Problems before the run become run issues, so they are reported like everything else.
 */
export async function checkCommand(paths: string[], opts: CheckOptions, io: CliIo): Promise<number> {
  const startedAt = new Date();
  const timings: Record<string, number> = {};
  const time = async <T>(phase: string, f: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await f();
    } finally {
      timings[phase] = Math.round(performance.now() - t0);
    }
  };

  const { loader, issues: timeoutIssues, useConfig } = loaderForRun(io.cwd, opts.loadTimeout, io.env);
  const { config, file: configFile, issues: configIssues, error: configError } = await time('config', () => loadConfigFile(opts.config, io.cwd, loader));
  useConfig(config);
  const selection = selectReporters(opts.reporter, config.reporters, opts.outputFile);
  if (!selection.ok) {
    io.stderr.write(`error: ${selection.message}\n`);
    return EXIT.error;
  }
  if (opts.openlineageRequired) requireOpenLineage(selection.reporters);
  const issues: Issue[] = [...timeoutIssues, ...configIssues];
  const discovery = await time('discover', () =>
    discover({
      cwd: io.cwd,
      paths,
      ...(config.include && { patterns: config.include }),
      ...(config.exclude && { exclude: config.exclude }),
      ...(configFile && { baseDir: path.dirname(configFile) }),
    }),
  );
  issues.push(...discovery.issues);

  const empty: LoadedProject = { contracts: [], suites: [], issues: [], errors: [] };
  const loaded = discovery.files.length > 0 ? await time('load', () => loadUserFiles(discovery.files, { cwd: io.cwd, loader })) : empty;
  await loader.close();
  issues.push(...loaded.issues);

  // Type errors stop the run before any data is read: the suite does not say what its author meant.
  let typeErrors = 0;
  if (opts.typecheck && config.typecheck !== false && discovery.files.length > 0) {
    // The config is type-checked too: defineConfig's types catch a misspelt option before it is ignored.
    const roots = configFile && configIssues.length === 0 ? [...discovery.files, configFile] : discovery.files;
    const checked = await time('typecheck', () => typecheckFiles(roots, { cwd: io.cwd }));
    const unparsable = new Set(loaded.issues.filter((i) => i.code === 'load.syntax_error').map((i) => i.location?.file));
    const fresh = checked.issues.filter((i) => !unparsable.has(i.location?.file));
    typeErrors = fresh.length;
    issues.push(...fresh);
  }

  // Asked now, answered while the data is read: git never adds to the run's time.
  const context = import('../../run/run-context.js').then((m) => m.runContext(io.cwd, io.env));
  const run = io.run ?? (await import('../../run/runner.js')).runDatacheck;
  const result: RunResult = await time('run', () =>
    run({
      cwd: io.cwd,
      startedAt,
      contracts: typeErrors > 0 ? [] : loaded.contracts,
      suites: typeErrors > 0 ? [] : loaded.suites,
      issues,
      ...(opts.filter?.length && { filter: opts.filter }),
      maxFailingRows: opts.maxFailingRows ?? config.maxFailingRows ?? 10,
      // Distributions cost scans: computed when the HTML report will chart them, or when asked.
      profile: opts.profile ?? config.profile ?? (selection.reporters.some((r) => r.name === 'html') ? 'full' : 'basic'),
      ...(config.connections && { connections: config.connections }),
    }),
  );

  result.context = await context;

  // A filter that selects nothing would otherwise be a green run that checked nothing.
  const checksRun = result.datasets.reduce((n, d) => n + d.checks.length, 0);
  if (opts.filter?.length && checksRun === 0 && result.issues.length === 0 && loaded.contracts.length > 0) {
    result.issues.push({
      code: 'filter.nothing_matched',
      message: `--filter ${opts.filter.join(', ')} matched no dataset and no check`,
      expected: `a dataset name (${loaded.contracts.map((c) => c.name).join(', ')}) or part of a check id or title`,
      found: 'no match',
    });
    result.outcome = 'error';
  }

  if (opts.debug) {
    printStacks(io, [...(configError ? [{ file: configFile ?? '', error: configError }] : []), ...loaded.errors]);
    io.stderr.write(`datacheck: ${discovery.files.length} files; ${Object.entries(timings).map(([k, v]) => `${k} ${v} ms`).join(', ')}\n`);
    if (loader.cache.refused) io.stderr.write(`datacheck: no transpile cache: ${loader.cache.refused}\n`);
    const { sqlTransfer } = await import('../../engines/sql/sql-engine.js');
    io.stderr.write(`datacheck: sql ${sqlTransfer.queries} queries, ${sqlTransfer.rows} rows read back\n`);
  }
  const rendered = await renderAll(result, selection.reporters, io, { verbose: opts.verbose ?? false, debug: opts.debug ?? false });
  if (!rendered) return EXIT.error;
  return exitCodeFor(result, opts.failOn ?? config.failOn ?? 'error');
}

function printStacks(io: CliIo, errors: LoadError[]): void {
  for (const { file, error } of errors) {
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`\n${file}:\n${stack}\n`);
  }
}
