import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { lineOf } from '../support/line-of.js';

const repoRoot = path.resolve(__dirname, '../..');
const project = path.join(repoRoot, 'tests/fixtures/vitest-project');
const spec = path.join(project, 'customers.spec.ts');

/**
 * A real `vitest run` in a child process, on a fixture project that imports the built
 * `datacheck/vitest` as a user's project would: what a person sees when a data test fails.
 */
describe('datacheck/vitest in a real vitest run', () => {
  let output: string;
  let status: number | null;

  beforeAll(() => {
    if (!existsSync(path.join(repoRoot, 'dist/src/vitest/index.js'))) throw new Error('dist/ is missing: run `npm run build` first');
    const vitest = path.join(repoRoot, 'node_modules/vitest/vitest.mjs');
    const r = spawnSync(process.execPath, [vitest, 'run', '--config', path.join(project, 'vitest.config.ts')], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', CI: 'true' },
      timeout: 120_000,
    });
    output = `${r.stdout}\n${r.stderr}`;
    status = r.status;
  });

  it('fails the run, counting the failing data tests like any other', () => {
    expect(status).toBe(1);
    expect(output).toMatch(/Tests +2 failed \| 1 passed \(3\)/);
  });

  it('shows observed vs expected, the file:line of the broken promise and the failing rows', () => {
    expect(output).toContain("expected dataset 'customers' to satisfy its contract");
    expect(output).toContain(`tier in ('free', 'pro')  customers.spec.ts:${lineOf(pathToFileURL(spec).href, '// @tier')}`);
    expect(output).toContain("expected values in ('free', 'pro')");
    expect(output).toContain('row 2: id=2, email="***", tier="gold"');
    expect(output).toContain("expected dataset 'customers' to have no nulls in 'email'");
    expect(output).toContain('row 3: id=3, email=null, tier="free"');
  });

  it('never prints the value of a pii column', () => {
    expect(output).not.toContain('secret.person@example.com');
    expect(output).not.toContain('ada@example.com');
  });
});
