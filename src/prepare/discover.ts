import { statSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import type { Issue } from '../model/issue.js';

/** Where contracts and suites live when nothing else is said (dbt projects keep contracts in models/). */
export const DEFAULT_PATTERNS = ['contracts/**/*.contract.ts', 'checks/**/*.check.ts', 'models/**/*.contract.ts'];

/**
 * A directory named on the command line is searched for contract and suite files at any depth:
 * `datacheck checks/` must find checks/orders.check.ts, which the root-relative defaults would not.
 */
export const DIRECTORY_PATTERNS = ['**/*.contract.ts', '**/*.check.ts'];

/** Never searched: dependencies, build output and VCS folders are not the user's contracts. */
const IGNORE = ['**/node_modules/**', '**/dist/**', '**/.git/**'];

export interface DiscoverInput {
  /** Project root; relative arguments and patterns resolve against it. */
  cwd: string;
  /** Files, directories or globs from the command line. Empty: search `patterns` under `cwd`. */
  paths: string[];
  /** The config's `include` (relative to `baseDir`), else DEFAULT_PATTERNS. */
  patterns?: string[];
  exclude?: string[];
  /** Where `patterns` and `exclude` are relative to (the config file's directory). Default `cwd`. */
  baseDir?: string;
}

export interface Discovery {
  /** Absolute paths, sorted, each once. */
  files: string[];
  issues: Issue[];
}

/**
 * Finds the contract and suite files to load. A directory argument is searched with
 * DIRECTORY_PATTERNS; a file is taken as is (whatever its name: the user asked for it);
 * anything else is a glob. Finding nothing is an issue that says what was searched.
 */
export async function discover(input: DiscoverInput): Promise<Discovery> {
  const baseDir = input.baseDir ?? input.cwd;
  const patterns = input.patterns?.length ? input.patterns : DEFAULT_PATTERNS;
  const ignore = [...IGNORE, ...(input.exclude ?? [])];
  const issues: Issue[] = [];
  const found = new Set<string>();
  const searched: string[] = [];

  const search = async (dir: string, globs: string[]) => {
    searched.push(...globs.map((g) => display(input.cwd, path.join(dir, g))));
    const hits = await fg(globs, { cwd: dir, absolute: true, onlyFiles: true, ignore, dot: false });
    for (const h of hits) found.add(path.normalize(h));
  };

  if (input.paths.length === 0) {
    await search(baseDir, patterns);
  }
  for (const arg of input.paths) {
    const abs = path.resolve(input.cwd, arg);
    const stat = statOrUndefined(abs);
    if (stat?.isFile()) {
      found.add(abs);
      searched.push(display(input.cwd, abs));
    } else if (stat?.isDirectory()) {
      await search(abs, DIRECTORY_PATTERNS);
    } else if (fg.isDynamicPattern(arg)) {
      const before = found.size;
      await search(input.cwd, [toPosix(arg)]);
      if (found.size === before) issues.push(nothingMatched(arg));
    } else {
      issues.push({
        code: 'discover.not_found',
        message: `'${arg}' does not exist`,
        expected: 'a contract or suite file, a directory, or a glob',
        found: `nothing at ${abs}`,
      });
    }
  }

  if (found.size === 0 && issues.length === 0) {
    issues.push({
      code: 'discover.nothing_found',
      message: 'no contract or suite files were found',
      expected: 'files named *.contract.ts or *.check.ts',
      found: `nothing matching ${searched.join(', ')}`,
      hint: 'run datacheck from your project root, pass the files or directories to check, or set `include` in datacheck.config.ts',
    });
  }
  return { files: [...found].sort(), issues };
}

function nothingMatched(glob: string): Issue {
  return {
    code: 'discover.nothing_found',
    message: `the glob '${glob}' matched no files`,
    expected: 'at least one contract or suite file',
    found: 'no files',
    hint: 'quote globs so the shell does not expand them, and write them relative to the project root',
  };
}

function statOrUndefined(p: string) {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

/** fast-glob wants forward slashes, even on Windows. */
function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function display(cwd: string, p: string): string {
  const rel = path.relative(cwd, p);
  return toPosix(rel && !rel.startsWith('..') ? rel : p);
}
