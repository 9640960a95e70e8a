import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover } from '../../src/prepare/discover.js';

const good = path.resolve(__dirname, '../fixtures/cli/good');

/** A throwaway project: `files` are created empty under a fresh temporary directory. */
function project(files: string[]): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'datacheck-discover-'));
  for (const f of files) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    writeFileSync(path.join(root, f), '');
  }
  return root;
}

const rel = (root: string, files: string[]) => files.map((f) => path.relative(root, f).split(path.sep).join('/'));

describe('discover', () => {
  it('finds contracts/, checks/ and models/ files under the project root when given no paths', async () => {
    const root = project([
      'contracts/orders.contract.ts',
      'contracts/sub/customers.contract.ts',
      'checks/orders.check.ts',
      'models/staging/stg_orders.contract.ts',
      'contracts/helpers.ts',
      'other/x.contract.ts',
      'node_modules/pkg/contracts/y.contract.ts',
    ]);
    const { files, issues } = await discover({ cwd: root, paths: [] });
    expect(issues).toEqual([]);
    expect(rel(root, files)).toEqual([
      'checks/orders.check.ts',
      'contracts/orders.contract.ts',
      'contracts/sub/customers.contract.ts',
      'models/staging/stg_orders.contract.ts',
    ]);
  });

  it('takes a file argument as is, searches a directory argument at any depth, and expands globs', async () => {
    const root = project(['contracts/a.contract.ts', 'checks/deep/b.check.ts', 'extra/c.contract.ts', 'extra/d.contract.ts']);
    expect(rel(root, (await discover({ cwd: root, paths: ['extra/c.contract.ts'] })).files)).toEqual(['extra/c.contract.ts']);
    expect(rel(root, (await discover({ cwd: root, paths: ['checks'] })).files)).toEqual(['checks/deep/b.check.ts']);
    expect(rel(root, (await discover({ cwd: root, paths: ['extra/*.contract.ts'] })).files)).toEqual([
      'extra/c.contract.ts',
      'extra/d.contract.ts',
    ]);
  });

  it('lists each file once even when several arguments reach it', async () => {
    const { files } = await discover({ cwd: good, paths: ['.', 'checks', 'checks/orders.check.ts'] });
    expect(rel(good, files)).toEqual(['checks/orders.check.ts', 'contracts/orders.contract.ts']);
  });

  it("uses the config's include and exclude, relative to the config's directory", async () => {
    const root = project(['src/dc/a.contract.ts', 'src/dc/old/b.contract.ts', 'contracts/ignored.contract.ts']);
    const { files } = await discover({ cwd: root, paths: [], patterns: ['src/dc/**/*.contract.ts'], exclude: ['**/old/**'] });
    expect(rel(root, files)).toEqual(['src/dc/a.contract.ts']);
  });

  it('says what it searched when it finds nothing', async () => {
    const root = project(['README.md']);
    const { files, issues } = await discover({ cwd: root, paths: [] });
    expect(files).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0].code).toBe('discover.nothing_found');
    expect(issues[0].found).toContain('contracts/**/*.contract.ts');
    expect(issues[0].found).toContain('checks/**/*.check.ts');
    expect(issues[0].found).toContain('models/**/*.contract.ts');
  });

  it('reports a path that does not exist and a glob that matches nothing', async () => {
    const root = project(['contracts/a.contract.ts']);
    const missing = await discover({ cwd: root, paths: ['nope.contract.ts'] });
    expect(missing.issues[0]).toMatchObject({ code: 'discover.not_found', message: "'nope.contract.ts' does not exist" });
    const glob = await discover({ cwd: root, paths: ['other/**/*.check.ts'] });
    expect(glob.issues[0]).toMatchObject({ code: 'discover.nothing_found', message: "the glob 'other/**/*.check.ts' matched no files" });
  });
});
