import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineOf } from '../support/line-of.js';
import { loadUserFiles } from '../../src/prepare/load.js';

const fixtures = path.resolve(__dirname, '../fixtures/cli');
const good = path.join(fixtures, 'good');
const broken = path.join(fixtures, 'broken');
const at = (...p: string[]) => path.join(fixtures, ...p);

describe('loadUserFiles', () => {
  it('collects the contracts and suites the files export, matched by identity', async () => {
    const loaded = await loadUserFiles([at('good/checks/orders.check.ts'), at('good/contracts/orders.contract.ts')], { cwd: good });
    expect(loaded.issues).toEqual([]);
    expect(loaded.contracts.map((c) => c.name)).toEqual(['orders']);
    expect(loaded.suites).toHaveLength(1);
    // The suite's contract is the very object the contract file exported (one module cache).
    expect(loaded.suites[0].contract).toBe(loaded.contracts[0]);
  });

  it('records the real .ts line of each declaration (what the reports print)', async () => {
    const file = at('good/checks/orders.check.ts');
    const { suites } = await loadUserFiles([file], { cwd: good });
    const url = new URL(`file://${file}`).href;
    expect(suites[0].location).toMatchObject({ file, line: lineOf(url, 'export default defineSuite') });
    expect(suites[0].checks.map((c) => c.location.line)).toEqual([
      lineOf(url, 't.rowCount()'),
      lineOf(url, "share('completed')"),
      lineOf(url, "t.column('id')"),
    ]);
    expect(suites[0].contract.location).toMatchObject({ file: at('good/contracts/orders.contract.ts'), line: 3 });
  });

  it('still collects a contract that only a suite imports', async () => {
    const { contracts, suites } = await loadUserFiles([at('good/checks/orders.check.ts')], { cwd: good });
    expect(contracts.map((c) => c.name)).toEqual(['orders']);
    expect(suites[0].contract).toBe(contracts[0]);
  });

  it('points a syntax error at its line and column', async () => {
    const { issues, errors } = await loadUserFiles([at('broken/syntax.check.ts')], { cwd: broken });
    expect(issues).toEqual([
      {
        code: 'load.syntax_error',
        message: 'syntax error in syntax.check.ts: Unexpected token',
        location: { file: at('broken/syntax.check.ts'), line: 3, column: 23 },
        expected: 'valid TypeScript',
        found: 'Unexpected token',
      },
    ]);
    expect(errors).toHaveLength(1);
  });

  it('says what a file exports when it exports no contract or suite', async () => {
    const { issues, contracts } = await loadUserFiles([at('broken/no-export.contract.ts')], { cwd: broken });
    expect(contracts).toEqual([]);
    expect(issues).toEqual([
      {
        code: 'load.no_export',
        message: 'no-export.contract.ts exports no contract',
        location: { file: at('broken/no-export.contract.ts'), line: 1, column: 1 },
        expected: 'export default defineContract(...) (or a named export of it)',
        found: 'exports columns (a function), helper (a number)',
      },
    ]);
  });

  it('turns a module that throws into an issue at the throwing line, keeping the error for --debug', async () => {
    const { issues, errors } = await loadUserFiles([at('broken/throws.contract.ts')], { cwd: broken });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: 'load.module_threw',
      message: 'throws.contract.ts threw while loading: Error: the warehouse is not reachable (3)',
      location: { file: at('broken/throws.contract.ts'), line: 5 },
      found: 'Error: the warehouse is not reachable (3)',
    });
    expect((errors[0].error as Error).stack).toContain('throws.contract.ts');
  });

  it("passes on the DSL's own explanation, pointing into the user's file", async () => {
    const file = at('broken/incomplete.check.ts');
    const { issues } = await loadUserFiles([file], { cwd: broken });
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'suite.invalid',
        location: expect.objectContaining({ file, line: 5 }),
        found: expect.stringContaining('a metric without a bound'),
      }),
    ]);
  });

  it('points an import that cannot be resolved at the import line', async () => {
    const file = at('broken/missing-import.check.ts');
    const { issues } = await loadUserFiles([file], { cwd: broken });
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'load.module_not_found',
        message: "missing-import.check.ts imports a module that cannot be found: Cannot find module '../contracts/no-such.contract'",
        location: expect.objectContaining({ file, line: 2 }),
      }),
    ]);
  });

  it('reports two contracts with the same name with both locations, and keeps only the first', async () => {
    const dup = at('dup');
    const { issues, contracts } = await loadUserFiles([at('dup/a.contract.ts'), at('dup/b.contract.ts')], { cwd: dup });
    expect(contracts).toHaveLength(1);
    expect(contracts[0].source).toEqual({ file: 'a.csv' });
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'contract.duplicate_name',
        message: "two contracts are named 'orders': a.contract.ts:3 and b.contract.ts:4",
        location: expect.objectContaining({ file: at('dup/b.contract.ts'), line: 4 }),
      }),
    ]);
  });

  it('loads the good files even when others in the same run are broken', async () => {
    const files = [at('broken/syntax.check.ts'), at('broken/throws.contract.ts'), at('good/contracts/orders.contract.ts')];
    const { issues, contracts } = await loadUserFiles(files, { cwd: fixtures });
    expect(issues.map((i) => i.code)).toEqual(['load.syntax_error', 'load.module_threw']);
    expect(contracts.map((c) => c.name)).toEqual(['orders']);
  });
});
