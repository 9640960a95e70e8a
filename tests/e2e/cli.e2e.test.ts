import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { datacheck, project, root } from './harness.js';

// The real CLI as a user runs it: `node bin/datacheck.js` in a project directory outside the repo.
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

beforeAll(async () => {
  if (!existsSync(path.join(root, 'dist/src/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
});

describe('datacheck (e2e)', () => {
  it('--version answers from package.json without loading the CLI', async () => {
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await datacheck(os.tmpdir(), ['--version']));
    for (const r of runs) expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    console.log(`--version: ${runs.map((r) => r.ms).join(' / ')} ms (spawn included)`);
  });

  it('exits 0 when every check passes, and writes nothing into the project unless asked', async () => {
    const dir = project('good');
    const r = await datacheck(dir, ['contracts']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/PASS {2}orders \(data\/orders\.csv, 20 rows\)/);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^\d+ passed, 0 failed, 0 warned, 0 errors in \d+\.\d\d s$/);
    expect(existsSync(path.join(dir, 'reports'))).toBe(false);
  });

  it('exits 1 on a failed check and points at the line of the suite that wrote it', async () => {
    const dir = project('good');
    const r = await datacheck(dir, []);
    expect(r.code).toBe(1);
    const line =
      readFileSync(path.join(dir, 'checks/orders.check.ts'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('nearly every order completed')) + 1;
    expect(r.stdout).toContain(
      `✗ nearly every order completed  checks/orders.check.ts:${line}\n      observed 0.8 · expected at least 0.99`,
    );
    // Piped stdout: no colour codes.
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('colours when forced, never under NO_COLOR', async () => {
    const dir = project('good');
    expect((await datacheck(dir, [], { FORCE_COLOR: '1' })).stdout).toContain('\u001b[');
    expect((await datacheck(dir, [], { FORCE_COLOR: '1', NO_COLOR: '1' })).stdout).not.toContain('\u001b[');
  });

  it('exits 2 on type errors in a suite, dropping that suite (its contract still runs)', async () => {
    const dir = project('typeerr');
    const r = await datacheck(dir, ['--verbose']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`✖ checks/orders.check.ts:6:12 TS2345: Argument of type '"stauts"' is not assignable`);
    expect(r.stdout).toContain(`✖ checks/orders.check.ts:7:22 TS2339: Property 'mean' does not exist`);
    expect(r.stdout).toContain('orders (data/orders.csv, 20 rows)');
    expect(r.stdout).not.toContain('checks/orders.check.ts:5');
    // ... and reads the data when asked not to type-check (the misspelt column is then only a skip).
    const unchecked = await datacheck(dir, ['--no-typecheck']);
    expect(unchecked.stdout).toContain('orders (data/orders.csv, 20 rows)');
    expect(unchecked.stdout).not.toContain('TS2345');
  });

  it('exits 2 on files that cannot be loaded; stack traces only with --debug', async () => {
    const dir = project('broken');
    const r = await datacheck(dir, ['.']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('✖ syntax.check.ts:3:23 syntax error in syntax.check.ts: Unexpected token [load.syntax_error]');
    expect(r.stdout).toContain('no-export.contract.ts exports no contract [load.no_export]');
    expect(r.stdout).toMatch(
      /✖ throws\.contract\.ts:5:\d+ throws\.contract\.ts threw while loading: Error: the warehouse is not reachable \(3\)/,
    );
    expect(r.stdout + r.stderr).not.toMatch(/^\s+at /m);
    const debug = await datacheck(dir, ['.', '--debug']);
    expect(debug.stderr).toMatch(/^\s+at .*throws\.contract\.ts:5:\d+/m);
  });

  it('exits 2 with a clear message for an unknown option or a bad --max-failing-rows', async () => {
    const dir = project('good');
    const unknown = await datacheck(dir, ['--nope']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toContain("error: unknown option '--nope'");
    const bad = await datacheck(dir, ['--max-failing-rows', 'ten']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      "option '--max-failing-rows <n>' argument 'ten' is invalid. expected a non-negative integer (0, 1, 2, ...), found 'ten'.",
    );
  });

  it('writes the JSON result, and `datacheck report` renders it again with the same exit code', async () => {
    const dir = project('good');
    const run = await datacheck(dir, ['--reporter', 'json', '--max-failing-rows', '2']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`report written to ${path.join('reports', 'datacheck.json')}`);
    const saved = JSON.parse(readFileSync(path.join(dir, 'reports/datacheck.json'), 'utf8'));
    expect(saved).toMatchObject({ schemaVersion: 1, outcome: 'failed', tool: { name: 'datacheck', version: pkg.version } });
    const failed = saved.datasets[0].checks.find((c: { title: string }) => c.title === 'nearly every order completed');
    expect(failed).toMatchObject({ outcome: 'fail', location: { file: 'checks/orders.check.ts', line: 7 } });

    const again = await datacheck(dir, ['report', 'reports/datacheck.json']);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('✗ nearly every order completed  checks/orders.check.ts:7');
  });

  it('reads datacheck.config.ts (include, reporters) with imports from datacheck/config', async () => {
    const dir = project('good');
    writeFileSync(
      path.join(dir, 'datacheck.config.ts'),
      [
        "import { defineConfig } from 'datacheck/config';",
        'export default defineConfig({',
        "  include: ['contracts/**/*.contract.ts'],",
        "  reporters: ['console', ['json', { outputFile: 'out/result.json' }]],",
        '});',
        '',
      ].join('\n'),
    );
    const r = await datacheck(dir, []);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'out/result.json'), 'utf8')).outcome).toBe('passed');
  });
});
