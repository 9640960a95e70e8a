import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type * as TS from 'typescript';

type Ts = typeof TS;
import type { Issue } from '../model/issue.js';
import { isPackageFile } from '../package-root.js';
import { packageEntries } from './user-jiti.js';

export interface TypecheckResult {
  issues: Issue[];
  durationMs: number;
  /** Source files the compiler read (user files, their imports and datacheck's own types). */
  filesRead: number;
}

/**
 * Type-checks the user's contract and suite files the way their editor would, against this
 * package's own declarations: a misspelt column or a numeric check on a string column is a
 * compile error, reported before any data is read. Only diagnostics in the user's files count;
 * datacheck's and node_modules' own files are not the user's to fix.
 */
export async function typecheckFiles(files: string[], options: { cwd: string }): Promise<TypecheckResult> {
  const t0 = performance.now();
  // typescript is big: load it only when a type-check actually runs (not for --version or --no-typecheck).
  const ts = (await import('typescript')).default as unknown as Ts;
  const entries = packageEntries();
  const compilerOptions: TS.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    // Like jiti at run time: extensionless relative imports (`../contracts/orders.contract`) resolve.
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    resolveJsonModule: true,
    esModuleInterop: true,
    skipLibCheck: true,
    lib: ['lib.es2023.d.ts'],
    paths: { datacheck: [entries.indexTypes], 'datacheck/config': [entries.configTypes] },
  };
  const host = ts.createCompilerHost(compilerOptions, true);
  host.getCurrentDirectory = () => options.cwd;
  // Contracts rarely touch Node's globals, and @types/node is most of what the compiler would
  // read (209 files instead of 84 on the example, ~4x slower). Check without ambient types first;
  // only when the code asks for them (`process`, `Buffer`...) check again with the project's own.
  let program = ts.createProgram({ rootNames: files, options: { ...compilerOptions, types: [] }, host });
  let diagnostics = collect(program);
  if (diagnostics.some((d) => NEEDS_AMBIENT_TYPES.has(d.code))) {
    program = ts.createProgram({ rootNames: files, options: compilerOptions, host, oldProgram: program });
    diagnostics = collect(program);
  }
  const issues = diagnostics
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => toIssue(ts, d));
  return { issues, durationMs: Math.round(performance.now() - t0), filesRead: program.getSourceFiles().length };
}

/** "Cannot find name 'process'. Do you need to install type definitions for node?" and kin. */
const NEEDS_AMBIENT_TYPES = new Set([2580, 2581, 2582, 2591, 2592, 2593]);

function collect(program: TS.Program): TS.Diagnostic[] {
  const diagnostics = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  for (const sf of program.getSourceFiles()) {
    if (!isUserFile(sf.fileName)) continue;
    diagnostics.push(...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf));
  }
  return diagnostics;
}

function isUserFile(file: string): boolean {
  const f = path.resolve(file);
  if (f.includes(`${path.sep}node_modules${path.sep}`)) return false;
  if (isPackageFile(f)) return false;
  return !/\.d\.[cm]?ts$/.test(f);
}

function toIssue(ts: Ts, d: TS.Diagnostic): Issue {
  const text = ts.flattenDiagnosticMessageText(d.messageText, '\n  ');
  const issue: Issue = {
    code: 'typecheck',
    message: `TS${d.code}: ${text}`,
    expected: 'code that type-checks (suites against their contract, the config against defineConfig)',
    found: firstLine(text),
    hint: 'fix the type error (a misspelt column or a check that does not fit the column type), or pass --no-typecheck to skip type-checking',
  };
  if (d.file && d.start !== undefined) {
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    issue.location = { file: path.resolve(d.file.fileName), line: line + 1, column: character + 1 };
  }
  return issue;
}

function firstLine(s: string): string {
  return s.split('\n')[0].trim();
}
