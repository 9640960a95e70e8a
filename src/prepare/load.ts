import path from 'node:path';
import { existsSync } from 'node:fs';
import { createJiti } from 'jiti';
import type { Jiti } from 'jiti';
import type { ContractDef } from '../model/contract.js';
import type { Issue, SourceLocation } from '../model/issue.js';
import { isDatacheckError } from '../model/issue.js';
import type { SuiteDef } from '../model/suite.js';

import { FROM_DIST as fromDist, PACKAGE_ROOT, stackFrames, userFrame as topUserFrame } from '../package-root.js';

/**
 * The files `import ... from 'datacheck'` must resolve to in user code. The built CLI points at
 * its own dist; running from source (tests) points at src so no build is needed. Either way user
 * files get this very package, not some other copy in their node_modules.
 */
export function packageEntries(): { index: string; config: string; indexTypes: string; configTypes: string } {
  if (fromDist) {
    const dist = path.join(PACKAGE_ROOT, 'dist', 'src');
    return {
      index: path.join(dist, 'index.js'),
      config: path.join(dist, 'config.js'),
      indexTypes: path.join(dist, 'index.d.ts'),
      configTypes: path.join(dist, 'config.d.ts'),
    };
  }
  const src = path.join(PACKAGE_ROOT, 'src');
  return { index: path.join(src, 'index.ts'), config: path.join(src, 'config.ts'), indexTypes: path.join(src, 'index.ts'), configTypes: path.join(src, 'config.ts') };
}

/** A raw error kept beside its issue, so `--debug` can print the stack. */
export interface LoadError {
  file: string;
  error: unknown;
}

export interface LoadedProject {
  contracts: ContractDef[];
  suites: SuiteDef[];
  issues: Issue[];
  errors: LoadError[];
}

/**
 * One loader per run: its module cache makes a contract imported by a suite the very object the
 * contract file exported, which is how suites and contracts are matched (by identity).
 */
export function createLoader(): Jiti {
  const entries = packageEntries();
  // The DSL reads each declaration's file:line from `new Error().stack`. jiti's transform keeps
  // every line where it was (tests/prepare/load.test.ts holds it to that), so no process-wide
  // source-map support is switched on: it would slow every stack the DSL captures. Inline maps
  // are still emitted for debuggers and `node --enable-source-maps`.
  return createJiti(import.meta.url, {
    alias: { 'datacheck/config': entries.config, datacheck: entries.index },
    sourceMaps: true,
    moduleCache: true,
    interopDefault: false,
  });
}

export type ImportResult = { ok: true; module: Record<string, unknown> } | { ok: false; issue: Issue; error: unknown };

/** Imports one user module; whatever goes wrong becomes an issue pointing into the file. */
export async function importUserModule(jiti: Jiti, file: string): Promise<ImportResult> {
  try {
    const module = (await jiti.import(file)) as Record<string, unknown>;
    return { ok: true, module: module ?? {} };
  } catch (error) {
    return { ok: false, issue: issueFromError(error, file), error };
  }
}

/** Loads contract and suite files: collects what they export and explains what went wrong. */
export async function loadUserFiles(files: string[], options: { cwd: string; jiti?: Jiti }): Promise<LoadedProject> {
  const jiti = options.jiti ?? createLoader();
  const issues: Issue[] = [];
  const errors: LoadError[] = [];
  const contracts: ContractDef[] = [];
  const suites: SuiteDef[] = [];
  const seen = new Set<unknown>();

  for (const file of files) {
    const result = await importUserModule(jiti, file);
    if (!result.ok) {
      issues.push(result.issue);
      errors.push({ file, error: result.error });
      continue;
    }
    let exported = 0;
    for (const value of exportedValues(result.module)) {
      if (isContract(value) || isSuite(value)) exported++;
      if (seen.has(value)) continue;
      if (isContract(value)) {
        seen.add(value);
        contracts.push(value);
      } else if (isSuite(value)) {
        seen.add(value);
        suites.push(value);
      }
    }
    if (exported === 0) issues.push(noExport(file, result.module));
  }

  // A contract only a suite imports (not discovered itself) still runs.
  for (const suite of suites) {
    if (!seen.has(suite.contract)) {
      seen.add(suite.contract);
      contracts.push(suite.contract);
    }
  }
  const kept = dropDuplicateNames(contracts, issues, options.cwd);
  return { contracts: kept, suites: suites.filter((s) => kept.includes(s.contract)), issues, errors };
}

function exportedValues(module: Record<string, unknown>): unknown[] {
  const values: unknown[] = [];
  for (const key of Object.keys(module)) {
    const v = module[key];
    // `export default [contractA, contractB]` and `export const all = [...]` are allowed too.
    if (Array.isArray(v)) values.push(...v);
    else values.push(v);
  }
  return values;
}

export function isContract(v: unknown): v is ContractDef {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'contract';
}

export function isSuite(v: unknown): v is SuiteDef {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'suite' && isContract((v as SuiteDef).contract);
}

/** Two different contracts with one name would silently merge datasets: keep the first, explain. */
function dropDuplicateNames(contracts: ContractDef[], issues: Issue[], cwd: string): ContractDef[] {
  const byName = new Map<string, ContractDef>();
  const kept: ContractDef[] = [];
  for (const c of contracts) {
    const first = byName.get(c.name);
    if (!first) {
      byName.set(c.name, c);
      kept.push(c);
      continue;
    }
    const a = where(first.location, cwd);
    const b = where(c.location, cwd);
    issues.push({
      code: 'contract.duplicate_name',
      message: `two contracts are named '${c.name}': ${a} and ${b}`,
      location: c.location,
      expected: 'each contract name used once (the name identifies the dataset in every report)',
      found: `'${c.name}' defined at ${a} and again at ${b}`,
      hint: 'rename one of them, or import the existing contract instead of defining it again',
    });
  }
  return kept;
}

function where(loc: SourceLocation, cwd: string): string {
  return `${relative(cwd, loc.file)}:${loc.line}`;
}

function relative(cwd: string, file: string): string {
  if (!path.isAbsolute(file)) return file;
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel.split(path.sep).join('/') : file;
}

function noExport(file: string, module: Record<string, unknown>): Issue {
  const names = Object.keys(module);
  const kind = file.endsWith('.check.ts') ? 'suite' : file.endsWith('.contract.ts') ? 'contract' : 'contract or suite';
  const call = kind === 'suite' ? 'defineSuite(...)' : kind === 'contract' ? 'defineContract(...)' : 'defineContract(...) or defineSuite(...)';
  return {
    code: 'load.no_export',
    message: `${path.basename(file)} exports no ${kind}`,
    location: { file, line: 1, column: 1 },
    expected: `export default ${call} (or a named export of it)`,
    found: names.length === 0 ? 'no exports' : `exports ${names.map((n) => `${n} (${describeValue(module[n])})`).join(', ')}`,
  };
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object' && typeof (v as { kind?: unknown }).kind === 'string') return `a ${(v as { kind: string }).kind}`;
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

// jiti reports parse errors as `ParseError: <what>\n <file>:<line>:<column0>`.
const PARSE_ERROR = /ParseError:\s*(.*?)\s*\n\s*(.+):(\d+):(\d+)\s*$/s;

/** Turns anything a user module threw into an issue with the file, line and column. */
export function issueFromError(error: unknown, file: string): Issue {
  if (isDatacheckError(error)) {
    const issue = error.issue;
    return issue.location && issue.location.file !== '<unknown>' ? issue : { ...issue, location: { file, line: 1, column: 1 } };
  }
  const e = error instanceof Error ? error : new Error(String(error));
  const parse = PARSE_ERROR.exec(e.message);
  if (parse) {
    return {
      code: 'load.syntax_error',
      message: `syntax error in ${path.basename(parse[2])}: ${parse[1] || 'unexpected input'}`,
      // babel counts columns from 0; editors and TypeScript count from 1.
      location: { file: parse[2], line: Number(parse[3]), column: Number(parse[4]) + 1 },
      expected: 'valid TypeScript',
      found: parse[1] || 'a syntax error',
    };
  }
  const code = (e as { code?: unknown }).code;
  if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module/.test(e.message)) {
    return {
      code: 'load.module_not_found',
      message: `${path.basename(file)} imports a module that cannot be found: ${firstLine(e.message)}`,
      location: frameIn(e, file) ?? { file, line: 1, column: 1 },
      expected: 'an import path that exists (relative imports start with ./ or ../)',
      found: firstLine(e.message),
    };
  }
  return {
    code: 'load.module_threw',
    message: `${path.basename(file)} threw while loading: ${e.name}: ${firstLine(e.message)}`,
    location: frameIn(e, file) ?? userFrame(e) ?? { file, line: 1, column: 1 },
    expected: 'a module that loads without throwing',
    found: `${e.name}: ${firstLine(e.message)}`,
    hint: 'run with --debug to see the stack trace',
  };
}

function firstLine(s: string): string {
  return s.split('\n')[0].trim();
}

function frames(e: Error): SourceLocation[] {
  return stackFrames(e.stack);
}

/** The topmost stack frame in `file` itself. */
function frameIn(e: Error, file: string): SourceLocation | undefined {
  return frames(e).find((f) => path.resolve(f.file) === path.resolve(file));
}

/** The topmost frame in user code (a helper the file imported), outside datacheck and node_modules. */
function userFrame(e: Error): SourceLocation | undefined {
  return topUserFrame(e.stack, existsSync);
}
