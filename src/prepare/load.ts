import path from 'node:path';
import { existsSync } from 'node:fs';
import type { ContractDef } from '../model/contract.js';
import type { Issue, SourceLocation } from '../model/issue.js';
import { isDatacheckError } from '../model/issue.js';
import type { SuiteDef } from '../model/suite.js';
import { stackFrames, userFrame as topUserFrame } from '../package-root.js';
import { createIsolatedLoader } from './isolated-loader.js';
import type { UserCodeLoader } from './isolated-loader.js';
import type { SerializedError } from './load-protocol.js';

export type { UserCodeLoader };

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
 * One loader per run (see isolated-loader.ts): user files run in a worker thread, each within
 * `timeoutMs`. `projectRoot` is where jiti's transpile cache may live (its node_modules/.cache).
 */
export function createLoader(options: { projectRoot?: string; timeoutMs?: number } = {}): UserCodeLoader {
  return createIsolatedLoader({
    projectRoot: options.projectRoot ?? process.cwd(),
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
  });
}

/**
 * Loads contract and suite files: collects what they export and explains what went wrong. The
 * loader's worker is ended afterwards, so nothing user code scheduled outlives loading.
 */
export async function loadUserFiles(files: string[], options: { cwd: string; loader?: UserCodeLoader }): Promise<LoadedProject> {
  const loader = options.loader ?? createLoader({ projectRoot: options.cwd });
  const issues: Issue[] = [];
  const errors: LoadError[] = [];
  const contracts: ContractDef[] = [];
  const suites: SuiteDef[] = [];
  const seen = new Set<unknown>();
  const same = sameDefinitions();

  try {
    for (const file of files) {
      const reply = await loader.load({ file, as: 'definitions' });
      if (!reply.ok) {
        issues.push(reply.issue);
        errors.push({ file, error: revive(reply.error) });
        continue;
      }
      const values = (reply.definitions ?? []).map(same);
      for (const value of values) {
        if (seen.has(value)) continue;
        if (isContract(value)) {
          seen.add(value);
          contracts.push(value);
        } else if (isSuite(value)) {
          seen.add(value);
          suites.push(value);
          issues.push(...(value.invalid ?? []));
        }
      }
      if (values.length === 0) issues.push(noExport(file, reply.exports ?? {}));
    }
  } finally {
    await loader.close();
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

/**
 * Each file's definitions cross from the worker as a fresh copy, so the contract a suite imports
 * and the one the contract file exports arrive as two equal objects. Suites and contracts are
 * matched by identity downstream: equal contracts become one object again here.
 */
function sameDefinitions(): (value: unknown) => unknown {
  const contracts = new Map<string, ContractDef>();
  const canonical = (c: ContractDef): ContractDef => {
    const key = JSON.stringify(c, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));
    const known = contracts.get(key);
    if (known) return known;
    contracts.set(key, c);
    return c;
  };
  return (value) => {
    if (isContract(value)) return canonical(value);
    if (isSuite(value)) {
      value.contract = canonical(value.contract);
      return value;
    }
    return value;
  };
}

function revive(e: SerializedError): Error {
  const error = new Error(e.message);
  error.name = e.name;
  error.stack = e.stack;
  return error;
}

/** The contracts and suites a module exports, in export order (arrays of them flattened). */
export function exportedDefinitions(module: Record<string, unknown>): unknown[] {
  return exportedValues(module).filter((v) => isContract(v) || isSuite(v));
}

/** Each export's name and what it is, for the "exports no contract" issue. */
export function describeExports(module: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.keys(module).map((name) => [name, describeValue(module[name])]));
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

function noExport(file: string, exports: Record<string, string>): Issue {
  const names = Object.keys(exports);
  const kind = file.endsWith('.check.ts') ? 'suite' : file.endsWith('.contract.ts') ? 'contract' : 'contract or suite';
  const call =
    kind === 'suite' ? 'defineSuite(...)' : kind === 'contract' ? 'defineContract(...)' : 'defineContract(...) or defineSuite(...)';
  return {
    code: 'load.no_export',
    message: `${path.basename(file)} exports no ${kind}`,
    location: { file, line: 1, column: 1 },
    expected: `export default ${call} (or a named export of it)`,
    found: names.length === 0 ? 'no exports' : `exports ${names.map((n) => `${n} (${exports[n]})`).join(', ')}`,
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
