import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const repoRoot = path.resolve(__dirname, '../..');

/**
 * run() from the built `datacheck/node` in a Node process of its own, on data that fails and on a
 * project that cannot be run: the process's output is only what the program prints, and its exit
 * code stays the program's (0), whatever the run found.
 */
it('run() never writes to stdout or stderr and never sets the exit code', () => {
  if (!existsSync(path.join(repoRoot, 'dist/src/node.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const program = `
    import { col, defineContract } from 'datacheck';
    import { run } from 'datacheck/node';
    const c = defineContract({ name: 'c', columns: { id: col.int32().unique() } });
    const failed = await run({ cwd: ${JSON.stringify(repoRoot)}, contracts: [c], data: { c: [{ id: 1 }, { id: 1 }] } });
    const broken = await run({ cwd: ${JSON.stringify(repoRoot)}, paths: ['no/such/dir'] });
    process.stdout.write(JSON.stringify([failed.outcome, broken.outcome, process.exitCode ?? null]));
  `;
  // Inside the repository (its git-ignored .tmp/), so that `datacheck` resolves to this package.
  mkdirSync(path.join(repoRoot, '.tmp'), { recursive: true });
  const dir = mkdtempSync(path.join(repoRoot, '.tmp', 'api-process-'));
  const file = path.join(dir, 'program.mjs');
  writeFileSync(file, program);
  const r = spawnSync(process.execPath, [file], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NODE_OPTIONS: '' } });
  rmSync(dir, { recursive: true, force: true });
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe(JSON.stringify(['failed', 'error', null]));
  expect(r.status).toBe(0);
});
