import path from 'node:path';
import type { ContractDef } from '../model/contract.js';
import type { Issue } from '../model/issue.js';
import type { SuiteDef } from '../model/suite.js';
import type { LoadedConfig } from '../prepare/config-file.js';
import type { UserCodeLoader } from '../prepare/isolated-loader.js';
import { discover } from '../prepare/discover.js';
import { loadUserFiles } from '../prepare/load.js';
import type { LoadError } from '../prepare/load.js';
import { typecheckFiles } from '../prepare/typecheck.js';

export interface PrepareInput {
  cwd: string;
  /** Files, directories or globs named on the command line (default: the config's or built-in patterns). */
  paths: string[];
  /** The loaded config (loaded first: the CLI validates its reporters before any file is read). */
  loadedConfig: LoadedConfig;
  /** Loads user code isolated (a worker, with a timeout); closed once loading is done. */
  loader: UserCodeLoader;
  /** Type-check the user's files (and the config) before any data is read. */
  typecheck: boolean;
  /** Measures a phase (config, discover, load, typecheck) for `--debug`. */
  time?: <T>(phase: string, f: () => Promise<T>) => Promise<T>;
}

/** The project ready to plan: what loaded and type-checked, and every problem found on the way. */
export interface PreparedProject {
  /** The files discovered (absolute). */
  files: string[];
  contracts: ContractDef[];
  suites: SuiteDef[];
  issues: Issue[];
  /** Raw load errors beside their issues (stacks for `--debug`). */
  errors: LoadError[];
}

/**
 * Discovers (relative to the config file's folder when there is one), loads and type-checks the
 * user's files. A file with type errors is dropped alone, with its issues: its contract and the
 * suites of that contract, or its suite, do not run; every other file does. A type error outside
 * the loaded contract and suite files (the config, a shared helper) drops everything, since it is
 * not known which datasets it changes.
 */
export async function prepareProject(input: PrepareInput): Promise<PreparedProject> {
  const time = input.time ?? ((_phase, f) => f());
  const { config, file: configFile, issues: configIssues } = input.loadedConfig;
  const issues: Issue[] = [...configIssues];
  const discovery = await time('discover', () =>
    discover({
      cwd: input.cwd,
      paths: input.paths,
      ...(config.include && { patterns: config.include }),
      ...(config.exclude && { exclude: config.exclude }),
      ...(configFile && { baseDir: path.dirname(configFile) }),
    }),
  );
  issues.push(...discovery.issues);
  if (discovery.files.length === 0) return { files: [], contracts: [], suites: [], issues, errors: [] };
  const loaded = await time('load', () => loadUserFiles(discovery.files, { cwd: input.cwd, loader: input.loader }));
  // Ended once loading is done: timers a contract left running die with the worker.
  await input.loader.close();
  issues.push(...loaded.issues);
  if (!input.typecheck || config.typecheck === false) return { files: discovery.files, ...loaded, issues };

  // The config is type-checked too: defineConfig's types catch a misspelt option before it is ignored.
  const roots = configFile && configIssues.length === 0 ? [...discovery.files, configFile] : discovery.files;
  const checked = await time('typecheck', () => typecheckFiles(roots, { cwd: input.cwd }));
  const unparsable = new Set(loaded.issues.filter((i) => i.code === 'load.syntax_error').map((i) => i.location?.file));
  const typeErrors = checked.issues.filter((i) => !unparsable.has(i.location?.file));
  issues.push(...typeErrors);
  if (typeErrors.length === 0) return { files: discovery.files, ...loaded, issues };
  const badFiles = new Set(typeErrors.map((i) => (i.location ? path.resolve(i.location.file) : '')));
  const own = new Set(
    [...loaded.contracts.map((c) => c.location.file), ...loaded.suites.map((s) => s.location.file)].map((f) => path.resolve(f)),
  );
  if ([...badFiles].some((f) => !own.has(f))) return { files: discovery.files, contracts: [], suites: [], issues, errors: loaded.errors };
  // Type errors stop what they touch before any data is read: that suite does not say what its author meant.
  const contracts = loaded.contracts.filter((c) => !badFiles.has(path.resolve(c.location.file)));
  const suites = loaded.suites.filter((s) => contracts.includes(s.contract) && !badFiles.has(path.resolve(s.location.file)));
  return { files: discovery.files, contracts, suites, issues, errors: loaded.errors };
}
