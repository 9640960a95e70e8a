import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { typecheckFiles } from '../../src/prepare/typecheck.js';

const fixtures = path.resolve(__dirname, '../fixtures/cli');

describe('typecheckFiles', () => {
  it('passes well-typed contract and suite files', async () => {
    const cwd = path.join(fixtures, 'good');
    const files = ['checks/orders.check.ts', 'contracts/orders.contract.ts'].map((f) => path.join(cwd, f));
    const result = await typecheckFiles(files, { cwd });
    expect(result.issues).toEqual([]);
  });

  it('reports a misspelt column and a numeric check on a string column at file:line:column', async () => {
    const cwd = path.join(fixtures, 'typeerr');
    const file = path.join(cwd, 'checks/orders.check.ts');
    const result = await typecheckFiles([file, path.join(cwd, 'contracts/orders.contract.ts')], { cwd });
    expect(result.issues).toHaveLength(2);
    const [typo, numeric] = result.issues;
    expect(typo.code).toBe('typecheck');
    expect(typo.location).toEqual({ file, line: 6, column: 12 });
    expect(typo.message).toMatch(/^TS2345: Argument of type '"stauts"' is not assignable to parameter of type .*"status"/);
    expect(numeric.location).toEqual({ file, line: 7, column: 22 });
    expect(numeric.message).toMatch(/^TS2339: Property 'mean' does not exist/);
    expect(typo.hint).toContain('--no-typecheck');
    // Measured, not asserted tightly: see the report.
    console.log(`typecheck of 2 files: ${result.durationMs} ms, ${result.filesRead} source files read`);
  });

  it('reports a syntax error too (the CLI drops it when the loader already did)', async () => {
    const file = path.join(fixtures, 'broken/syntax.check.ts');
    const { issues } = await typecheckFiles([file], { cwd: path.dirname(file) });
    expect(issues[0]).toMatchObject({ code: 'typecheck', location: { file, line: 3, column: 23 } });
  });
});

describe('typecheckFiles and Node globals', () => {
  it("checks a file that uses `process` with the project's @types/node instead of failing it", async () => {
    // Inside the repo (.tmp/ is git-ignored) so the compiler finds this repo's node_modules/@types/node.
    const tmp = path.resolve(__dirname, '../../.tmp');
    mkdirSync(tmp, { recursive: true });
    const dir = mkdtempSync(path.join(tmp, 'typecheck-'));
    try {
      const file = path.join(dir, 'env.contract.ts');
      writeFileSync(
        file,
        "import { col, defineContract } from 'datacheck';\nexport default defineContract({ name: 'env', source: { file: process.env.DATA ?? 'x.csv' }, columns: { id: col.int32() } });\n",
      );
      const ok = await typecheckFiles([file], { cwd: dir });
      expect(ok.issues).toEqual([]);
      // Still strict: a real error next to `process` is reported.
      writeFileSync(file, 'const port: number = process.env.PORT;\nexport {};\n');
      const bad = await typecheckFiles([file], { cwd: dir });
      expect(bad.issues.map((i) => i.message)).toEqual([
        expect.stringMatching(/^TS2322: Type 'string \| undefined' is not assignable to type 'number'/),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A throwaway project outside the repo: no @types of its own, a node_modules/ for the cache. */
function tempProject(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-typecheck-'));
  mkdirSync(path.join(dir, 'node_modules'));
  for (const [file, source] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), source);
  }
  return dir;
}

const orders =
  "import { col, defineContract } from 'datacheck';\nexport default defineContract({ name: 'orders', columns: { amount: col.float64(), status: col.string() } });\n";
const suite =
  "import { defineSuite } from 'datacheck';\nimport orders from './orders.contract';\nexport default defineSuite(orders, (t) => [t.column('amount').mean().atLeast(0)]);\n";

describe('typecheckFiles and Node globals everywhere', () => {
  it('accepts console and setTimeout in a contract, even in a project without @types/node', async () => {
    const cwd = tempProject({
      'timers.contract.ts': `import { col, defineContract } from 'datacheck';\nconsole.log('loading');\nsetTimeout(() => undefined, 1);\nexport default defineContract({ name: 't', columns: { id: col.int32() } });\n`,
    });
    const { issues } = await typecheckFiles([path.join(cwd, 'timers.contract.ts')], { cwd });
    expect(issues).toEqual([]);
  });

  it('a real missing name is still an error after Node types are added', async () => {
    const cwd = tempProject({ 'typo.contract.ts': 'consle.log(1);\nexport {};\n' });
    const { issues } = await typecheckFiles([path.join(cwd, 'typo.contract.ts')], { cwd });
    expect(issues.map((i) => i.message)).toEqual([expect.stringMatching(/^TS2552: Cannot find name 'consle'/)]);
  });

  it('a chained diagnostic reads on one line: the headline, then its reasons (no escaped newlines)', async () => {
    const cwd = tempProject({
      'chain.contract.ts': "interface P { a: { b: number } }\nconst q = { a: { b: 'no' } };\nexport const x: P = q;\n",
    });
    const [issue] = (await typecheckFiles([path.join(cwd, 'chain.contract.ts')], { cwd })).issues;
    expect(issue.message).toBe("TS2322: Type '{ a: { b: string; }; }' is not assignable to type 'P'.");
    expect(issue.found).toBe(
      "The types of 'a.b' are incompatible between these types. → Type 'string' is not assignable to type 'number'.",
    );
  });
});

describe('the type-check cache', () => {
  it('answers a repeated clean check from the cache, and any edit of a checked file is checked again', async () => {
    const cwd = tempProject({ 'orders.contract.ts': orders, 'orders.check.ts': suite });
    const roots = [path.join(cwd, 'orders.check.ts'), path.join(cwd, 'orders.contract.ts')];
    const check = () => typecheckFiles(roots, { cwd });

    const cold = await check();
    expect(cold.issues).toEqual([]);
    expect(cold.cached).toBeUndefined();
    const warm = await check();
    expect(warm).toMatchObject({ issues: [], cached: true });

    // An edit that breaks the suite: found, not answered from the cache.
    writeFileSync(path.join(cwd, 'orders.check.ts'), suite.replace("t.column('amount')", "t.column('amont')"));
    expect((await check()).issues.map((i) => i.message)).toContainEqual(expect.stringMatching(/^TS2345: Argument of type '"amont"'/));
    // Reverted: clean again.
    writeFileSync(path.join(cwd, 'orders.check.ts'), suite);
    expect((await check()).issues).toEqual([]);
    expect((await check()).cached).toBe(true);

    // An edit of the contract alone (the suite's dependency) breaks the suite: the cache sees it.
    writeFileSync(path.join(cwd, 'orders.contract.ts'), orders.replace('amount: col.float64()', 'amount: col.string()'));
    expect((await check()).issues.map((i) => i.message)).toEqual([expect.stringMatching(/^TS2339: Property 'mean' does not exist/)]);
    console.log(`type-check of 2 files: cold ${cold.durationMs} ms, warm (cached) ${warm.durationMs} ms`);
  });

  it('never answers a dependency that is only imported, not a root, from a stale entry', async () => {
    const cwd = tempProject({ 'orders.contract.ts': orders, 'orders.check.ts': suite });
    const roots = [path.join(cwd, 'orders.check.ts')];
    expect((await typecheckFiles(roots, { cwd })).issues).toEqual([]);
    writeFileSync(path.join(cwd, 'orders.contract.ts'), orders.replace('amount: col.float64()', 'amount: col.string()'));
    const after = await typecheckFiles(roots, { cwd });
    expect(after.cached).toBeUndefined();
    expect(after.issues).toHaveLength(1);
  });
});
