import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCAFFOLD } from '../../../src/lifecycle/init/scaffold.js';
import { datacheck } from '../../e2e/harness.js';

describe('datacheck init', () => {
  it('scaffolds a project the built CLI then passes, type-check included (exit 0)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-init-'));
    const init = await datacheck(dir, ['init']);
    expect(init.code).toBe(0);
    for (const file of Object.keys(SCAFFOLD)) {
      expect(init.stdout).toContain(`created ${file}`);
      expect(readFileSync(path.join(dir, file), 'utf8')).toBe(SCAFFOLD[file]);
    }
    const run = await datacheck(dir, []);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('PASS  orders (data/orders.csv, 4 rows)');
    expect(run.stdout).toMatch(/\d+ passed, 0 failed, 0 warned, 0 errors/);
    expect(run.code).toBe(0);
    const lint = await datacheck(dir, ['lint']);
    expect(lint.code).toBe(0);
  });

  it('writes nothing when any of its files exists, and names it (exit 2)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-init-'));
    writeFileSync(path.join(dir, 'datacheck.config.ts'), '// mine\n');
    const init = await datacheck(dir, ['init']);
    expect(init.code).toBe(2);
    expect(init.stderr).toContain('datacheck.config.ts already exists: datacheck never overwrites a file');
    expect(readFileSync(path.join(dir, 'datacheck.config.ts'), 'utf8')).toBe('// mine\n');
    expect(existsSync(path.join(dir, 'contracts'))).toBe(false);
  });
});
