import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type * as TS from 'typescript';

type Ts = typeof TS;
import type { Issue } from '../model/issue.js';
import { isPackageFile, PACKAGE_ROOT } from '../package-root.js';
import { typecheckCache } from './typecheck-cache.js';
import { packageEntries } from './user-jiti.js';

export interface TypecheckResult {
  issues: Issue[];
  durationMs: number;
  /** Source files the compiler read (user files, their imports and datacheck's own types). */
  filesRead: number;
  /** The result came from the cache: the same files, unchanged, were clean last time. */
  cached?: boolean;
}

/**
 * Type-checks the user's contract and suite files the way their editor would, against this
 * package's own declarations: a misspelt column or a numeric check on a string column is a
 * compile error, reported before any data is read. Only diagnostics in the user's files count;
 * datacheck's and node_modules' own files are not the user's to fix.
 */
export async function typecheckFiles(files: string[], options: { cwd: string; projectRoot?: string }): Promise<TypecheckResult> {
  const t0 = performance.now();
  const entries = packageEntries();
  const nodeTypes = nodeTypesEntry(options.cwd);
  const cache = typecheckCache(options.projectRoot ?? options.cwd, {
    roots: [...files].sort(),
    entries,
    nodeTypes,
    cwd: options.cwd,
    version: CACHE_VERSION,
  });
  if (cache.isClean()) return { issues: [], durationMs: Math.round(performance.now() - t0), filesRead: 0, cached: true };
  // typescript is big: load it only when a type-check actually runs (not for --version or --no-typecheck).
  const ts = (await import('typescript')).default as unknown as Ts;
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
  // only when a name is missing (`process`, `console`, `setTimeout`...) check again with Node's
  // types, the project's @types/node or else the one datacheck was installed with.
  let program = ts.createProgram({ rootNames: files, options: { ...compilerOptions, types: [] }, host });
  let diagnostics = collect(program);
  if (nodeTypes && diagnostics.some((d) => MISSING_NAME.has(d.code))) {
    program = ts.createProgram({ rootNames: [...files, nodeTypes], options: { ...compilerOptions, types: [] }, host, oldProgram: program });
    diagnostics = collect(program);
  }
  const issues = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error).map((d) => toIssue(ts, d));
  // TypeScript's own package.json stands for the compiler: a new version may judge the same files differently.
  if (issues.length === 0) cache.remember([...program.getSourceFiles().map((f) => path.resolve(f.fileName)), typescriptManifest()]);
  return { issues, durationMs: Math.round(performance.now() - t0), filesRead: program.getSourceFiles().length };
}

/** Bumped when what the check does changes, so old cache entries are not trusted. */
const CACHE_VERSION = 1;

/**
 * "Cannot find name 'x'" (2304), "...change your target library?" (2584, `console`), "...install
 * type definitions for node?" (2580-2593, `process`, `Buffer`).
 */
const MISSING_NAME = new Set([2304, 2580, 2581, 2582, 2584, 2591, 2592, 2593]);

function typescriptManifest(): string {
  return createRequire(path.join(PACKAGE_ROOT, 'package.json')).resolve('typescript/package.json');
}

/** @types/node's entry: the project's own if it has one, else the one next to datacheck. */
function nodeTypesEntry(cwd: string): string | undefined {
  for (const from of [path.join(cwd, 'package.json'), path.join(PACKAGE_ROOT, 'package.json')]) {
    try {
      return createRequire(from).resolve('@types/node/index.d.ts');
    } catch {
      // not installed there
    }
  }
  return undefined;
}

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
  // Every reporter prints a message on one line (a newline would break JUnit attributes and
  // Markdown tables, so they escape it as a literal `\n`): the headline is the message, and the
  // chain of reasons under it, innermost last, is what was found.
  const [headline, ...reasons] = ts
    .flattenDiagnosticMessageText(d.messageText, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const issue: Issue = {
    code: 'typecheck',
    message: `TS${d.code}: ${headline}`,
    expected: 'code that type-checks (suites against their contract, the config against defineConfig)',
    found: reasons.length > 0 ? reasons.join(' → ') : headline,
    hint: 'fix the type error (a misspelt column or a check that does not fit the column type), or pass --no-typecheck to skip type-checking',
  };
  if (d.file && d.start !== undefined) {
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    issue.location = { file: path.resolve(d.file.fileName), line: line + 1, column: character + 1 };
  }
  return issue;
}
