import path from 'node:path';
import type { ConfigDef, ConnectionDef } from '../model/config.js';
import type { ContractDef, InMemoryData } from '../model/contract.js';
import { DatacheckError } from '../model/issue.js';
import type { Issue } from '../model/issue.js';
import type { RunResult } from '../model/result.js';
import type { SuiteDef } from '../model/suite.js';
import type { ProfileLevel } from '../plan/profiles.js';
import { dbtOptions } from '../access/dbt/dbt-options.js';
import { loadConfigFile } from '../prepare/config-file.js';
import { duckdbMemoryBytes } from '../prepare/memory-setting.js';
import type { LoadedConfig } from '../prepare/config-file.js';
import { loaderForRun } from '../prepare/run-loader.js';
import { prepareProject } from '../run/prepare.js';
import { runPipeline } from '../run/runner.js';
import { withData } from './with-data.js';

/** Failing rows kept per check when neither the options nor the config say (as the CLI). */
const DEFAULT_MAX_FAILING_ROWS = 10;

export interface RunOptions {
  /**
   * Project root: relative file sources and `paths` resolve against it, and locations in the result
   * are relative to it. Always given: the API never assumes the process's working directory.
   */
  cwd: string;
  /** Contracts to check; each is also a suite of its own promises. */
  contracts?: readonly ContractDef[];
  /** Suites to run (their contracts are checked too). */
  suites?: readonly SuiteDef[];
  /**
   * Contract and suite files, directories or globs to discover and load, as `npx datacheck [paths..]`
   * does (an empty array: the config's `include` or the default folders). Loaded in a worker with
   * the load timeout, and type-checked unless `typecheck: false`.
   */
  paths?: readonly string[];
  /** A config file (relative to `cwd`) or a config object (connections, defaults); with `paths`, `datacheck.config.ts` in `cwd` when present. Nothing is discovered without `paths`. */
  config?: string | ConfigDef;
  /** In-memory data by dataset name: replaces those contracts' sources for this run (rows typed by the contract). */
  data?: Readonly<Record<string, InMemoryData>>;
  /** Dataset names, or text of check ids and titles, as `--filter`. */
  filter?: readonly string[];
  /** Failing rows kept per check (default: the config's, else 10). */
  maxFailingRows?: number;
  /** `full` adds column histograms and top values to the result (default: the config's, else `basic`). */
  profile?: ProfileLevel;
  /** Type-check loaded files before any data is read (with `paths`; default true). */
  typecheck?: boolean;
  /** Where connection URLs (`urlEnv`) and DATACHECK_LOAD_TIMEOUT are read (default: the process environment for URLs only). */
  env?: Readonly<Record<string, string | undefined>>;
  /** What now() and current_date mean in filters and freshness (default: when the run started). */
  now?: Date;
}

/**
 * Runs contracts and suites from code and returns the structured result, through the same
 * pipeline as `npx datacheck` (src/run/runner.ts). It never exits, prints or reads the working
 * directory; a run that could not be done is a result with outcome `error` and its issues. Only
 * options that cannot mean anything (no `cwd`, data for an unknown dataset) throw a DatacheckError.
 */
export async function run(options: RunOptions): Promise<RunResult> {
  const startedAt = new Date();
  if (typeof options?.cwd !== 'string' || !path.isAbsolute(options.cwd)) {
    throw new DatacheckError({
      code: 'api.invalid_options',
      message: 'run() needs `cwd`, the absolute path of the project root',
      expected: "run({ cwd: '/path/to/project', contracts: [...] }) (e.g. import.meta.dirname)",
      found: options?.cwd === undefined ? 'no cwd' : JSON.stringify(options.cwd),
    });
  }
  const cwd = options.cwd;
  const project = options.paths || typeof options.config === 'string' ? await loadProject(options, cwd) : undefined;
  const config: Partial<ConfigDef> = project?.config ?? (typeof options.config === 'object' ? options.config : {});
  const { contracts, suites } = withData(
    [...(project?.contracts ?? []), ...(options.contracts ?? [])],
    [...(project?.suites ?? []), ...(options.suites ?? [])],
    options.data ?? {},
  );
  const connections: Record<string, ConnectionDef> | undefined = config.connections;
  const { result } = await runPipeline({
    cwd,
    startedAt,
    contracts,
    suites,
    issues: project?.issues ?? [],
    ...(options.filter?.length && { filter: [...options.filter] }),
    maxFailingRows: options.maxFailingRows ?? config.maxFailingRows ?? DEFAULT_MAX_FAILING_ROWS,
    profile: options.profile ?? config.profile ?? 'basic',
    ...(connections && { connections }),
    // As the CLI: `{ dbt }` sources resolve through the config's dbt project, DuckDB gets its memory limit.
    dbt: dbtOptions({}, config as ConfigDef, project?.configFile, cwd, { ...(options.env ?? process.env) }),
    memoryLimitBytes: duckdbMemoryBytes(config.memory),
    ...(options.env && { env: { ...options.env } }),
    ...(options.now && { now: options.now }),
  });
  return result;
}

interface LoadedProject {
  config: ConfigDef;
  /** The config file read, when there was one (the config's `dbt` paths are relative to it). */
  configFile?: string;
  contracts: ContractDef[];
  suites: SuiteDef[];
  issues: Issue[];
}

/**
 * The config file (when `config` names one, or with `paths` the default one), then, with `paths`,
 * discovery, loading and type-checking, as the CLI does them. The loader's worker is always closed.
 */
async function loadProject(options: RunOptions, cwd: string): Promise<LoadedProject> {
  const { loader, issues: timeoutIssues, useConfig } = loaderForRun(cwd, undefined, options.env ?? {});
  try {
    const loadedConfig: LoadedConfig =
      typeof options.config === 'object' ? { config: options.config, issues: [] } : await loadConfigFile(options.config, cwd, loader);
    useConfig(loadedConfig.config);
    if (!options.paths)
      return {
        config: loadedConfig.config,
        ...(loadedConfig.file && { configFile: loadedConfig.file }),
        contracts: [],
        suites: [],
        issues: [...timeoutIssues, ...loadedConfig.issues],
      };
    const prepared = await prepareProject({
      cwd,
      paths: [...options.paths],
      loadedConfig,
      loader,
      typecheck: options.typecheck ?? true,
    });
    return {
      config: loadedConfig.config,
      ...(loadedConfig.file && { configFile: loadedConfig.file }),
      ...prepared,
      issues: [...timeoutIssues, ...prepared.issues],
    };
  } finally {
    await loader.close();
  }
}
