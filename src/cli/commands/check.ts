import { duckdbMemoryBytes } from '../../prepare/memory-setting.js';
import { performance } from 'node:perf_hooks';
import type { Severity } from '../../model/check.js';
import type { AlertDef } from '../../model/config.js';
import type { RunResult } from '../../model/result.js';
import { loaderForRun } from '../../prepare/run-loader.js';
import type { RunLoader } from '../../prepare/run-loader.js';
import type { LoadError } from '../../prepare/load.js';
import { loadConfigFile } from '../../prepare/config-file.js';
import { prepareProject } from '../../run/prepare.js';
import type { RunInput } from '../../run/runner.js';
import { EXIT, EXIT_ON_SIGNAL, exitCodeFor } from '../exit-codes.js';
import type { StopSignal } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { resolveDbt, withDbtConnection } from '../../access/dbt/dbt-resolution.js';
import { dbtOptions } from '../../access/dbt/dbt-options.js';
import type { DbtFlags } from '../../access/dbt/dbt-options.js';
import { planOptions } from '../plan-options.js';
import { refuseOverwritingInputs } from '../output-guard.js';
import { runInputFiles } from '../run-input-files.js';
import { requireOpenLineage, selectReporters } from '../select-reporters.js';
import { renderAll } from './render.js';
import { historySetting } from '../../history/open-history.js';

export interface CheckOptions extends DbtFlags {
  config?: string;
  reporter?: string[];
  outputFile?: string[];
  filter?: string[];
  failOn?: Severity;
  openlineageRequired?: boolean;
  maxFailingRows?: number;
  profile?: 'basic' | 'full';
  typecheck: boolean;
  alertsRequired?: boolean;
  /** False with --no-history. */
  history: boolean;
  loadTimeout?: string;
  verbose?: boolean;
  debug?: boolean;
}

/**
 * `datacheck [paths..]`: config, discovery, loading, type-checking, the run, the reports, the exit
 * code. Problems before the run become run issues, so they are reported like everything else.
 */
export async function checkCommand(
  paths: string[],
  opts: CheckOptions,
  io: CliIo,
  runLoader: RunLoader = loaderForRun(io.cwd, opts.loadTimeout, io.env),
): Promise<number> {
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

  const { loader, issues: timeoutIssues, useConfig } = runLoader;
  const loadedConfig = await time('config', () => loadConfigFile(opts.config, io.cwd, loader));
  const { config, file: configFile, error: configError } = loadedConfig;
  useConfig(config);
  const selection = selectReporters(opts.reporter, config.reporters, opts.outputFile);
  if (!selection.ok) {
    io.stderr.write(`error: ${selection.message}\n`);
    return EXIT.error;
  }
  if (opts.openlineageRequired) requireOpenLineage(selection.reporters);
  const project = await prepareProject({ cwd: io.cwd, paths, loadedConfig, loader, typecheck: opts.typecheck, time });
  project.issues.unshift(...timeoutIssues);
  if (interruptedBy(io.signal)) return EXIT_ON_SIGNAL[interruptedBy(io.signal)!];

  // A report written over a file the run reads would destroy it: refused before any data is read.
  // The dbt target's DuckDB file counts too (the manifest is read again by the run: a few ms).
  const dbt = dbtOptions(opts, config, configFile, io.cwd, io.env);
  const readFiles = await runInputFiles({
    cwd: io.cwd,
    userFiles: project.files,
    configFile,
    contracts: project.contracts,
    connections: withDbtConnection(config.connections ?? {}, io.env, resolveDbt(project.contracts, dbt)).connections,
  });
  const overwrite = refuseOverwritingInputs(selection.reporters, readFiles, io.cwd);
  if (overwrite) {
    io.stderr.write(`error: ${overwrite}\n`);
    return EXIT.error;
  }

  // Asked now, answered while the data is read: git never adds to the run's time.
  const context = import('../../run/run-context.js').then((m) => m.runContext(io.cwd, io.env));
  const input: RunInput = {
    cwd: io.cwd,
    startedAt,
    contracts: project.contracts,
    suites: project.suites,
    issues: project.issues,
    ...planOptions(opts, config, selection.reporters),
    ...(config.connections && { connections: config.connections }),
    dbt,
    context,
    ...(io.signal && { signal: io.signal }),
    memoryLimitBytes: duckdbMemoryBytes(config.memory),
    history: historySetting({
      cwd: io.cwd,
      config: config.history,
      enabled: opts.history !== false,
      connections: config.connections,
      env: io.env,
    }),
  };
  const { result, transfer, history } = await time('run', async () =>
    io.run
      ? { result: await io.run(input), transfer: undefined, history: undefined }
      : (await import('../../run/runner.js')).runPipeline(input),
  );
  // A run that could not be recorded still happened: a warning, the exit code is the run's.
  if (history && 'issue' in history) io.stderr.write(`datacheck: warning: ${history.issue.message}\n`);
  if (opts.debug && history && 'appended' in history)
    io.stderr.write(`datacheck: history: ${history.appended} rows appended to ${history.store}\n`);

  // Stopped (Ctrl-C, SIGTERM): the running queries were cancelled on their servers; a report of
  // a half-done run would pass for a whole one, so none is written.
  const stopped = interruptedBy(io.signal);
  if (stopped) {
    io.stderr.write(`datacheck: interrupted by ${stopped}: running queries were cancelled, no report was written\n`);
    return EXIT_ON_SIGNAL[stopped];
  }

  if (opts.debug) {
    printStacks(io, [...(configError ? [{ file: configFile ?? '', error: configError }] : []), ...project.errors]);
    io.stderr.write(
      `datacheck: ${project.files.length} files; ${Object.entries(timings)
        .map(([k, v]) => `${k} ${v} ms`)
        .join(', ')}\n`,
    );
    if (transfer) io.stderr.write(`datacheck: sql ${transfer.queries} queries, ${transfer.rows} rows read back\n`);
    if (loader.cache.refused) io.stderr.write(`datacheck: no transpile cache: ${loader.cache.refused}\n`);
  }
  const rendered = await renderAll(result, selection.reporters, io, {
    verbose: opts.verbose ?? false,
    debug: opts.debug ?? false,
    readFiles,
  });
  const alerted = await sendRunAlerts(config.alerts ?? [], result, rendered.files, io);
  if (!rendered.ok) return EXIT.error;
  if (!alerted && opts.alertsRequired) return EXIT.error;
  return exitCodeFor(result, opts.failOn ?? config.failOn ?? 'error');
}

function interruptedBy(signal: AbortSignal | undefined): StopSignal | undefined {
  if (!signal?.aborted) return undefined;
  return signal.reason === 'SIGTERM' ? 'SIGTERM' : 'SIGINT';
}

/** Sends the config's alerts, linking the HTML report if one was written; false when one was not delivered. */
async function sendRunAlerts(alerts: AlertDef[], run: RunResult, files: string[], io: CliIo): Promise<boolean> {
  if (alerts.length === 0) return true;
  const { sendAlerts } = await import('../../alerts/send-alerts.js');
  const report = files.find((f) => f.endsWith('.html')) ?? files[0];
  const deliveries = await sendAlerts(alerts, run, { env: io.env, ...(report && { report }) });
  for (const d of deliveries) if (!d.ok) io.stderr.write(`datacheck: warning: alert ${d.alert} not delivered: ${d.reason}\n`);
  return deliveries.every((d) => d.ok);
}

function printStacks(io: CliIo, errors: LoadError[]): void {
  for (const { file, error } of errors) {
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`\n${file}:\n${stack}\n`);
  }
}
