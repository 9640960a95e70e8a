import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

  it("reports a syntax error too (the CLI drops it when the loader already did)", async () => {
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
      writeFileSync(file, "const port: number = process.env.PORT;\nexport {};\n");
      const bad = await typecheckFiles([file], { cwd: dir });
      expect(bad.issues.map((i) => i.message)).toEqual([expect.stringMatching(/^TS2322: Type 'string \| undefined' is not assignable to type 'number'/)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
