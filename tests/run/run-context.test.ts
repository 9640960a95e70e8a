import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runContext } from '../../src/run/run-context.js';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

describe('runContext', () => {
  it('names the commit, the branch and whether tracked files changed', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-ctx-'));
    git(dir, 'init', '-q', '-b', 'feature/x');
    writeFileSync(path.join(dir, 'a.txt'), 'one');
    git(dir, 'add', 'a.txt');
    git(dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'first');
    const clean = await runContext(dir, {});
    expect(clean.git).toEqual({ commit: git(dir, 'rev-parse', 'HEAD'), branch: 'feature/x', dirty: false });
    expect(clean.host).toBe(os.hostname());
    writeFileSync(path.join(dir, 'a.txt'), 'two');
    expect((await runContext(dir, {})).git?.dirty).toBe(true);
    // A detached HEAD, as CI checks out, has a commit and no branch.
    git(dir, 'checkout', '-q', '--detach');
    expect((await runContext(dir, {})).git).not.toHaveProperty('branch');
  });

  it('has no git part outside a repository, and never throws', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-ctx-'));
    const ctx = await runContext(dir, { GIT_CEILING_DIRECTORIES: path.dirname(dir) });
    expect(ctx).not.toHaveProperty('git');
    expect(await runContext(path.join(dir, 'missing'), {})).not.toHaveProperty('git');
  });

  it('names the CI system from which variable is set, never copying a value', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-ctx-'));
    const ctx = await runContext(dir, { GITHUB_ACTIONS: 'true', CI: 'true', GITHUB_TOKEN: 'secret-token-value' });
    expect(ctx.ci).toBe('github-actions');
    expect(JSON.stringify(ctx)).not.toContain('secret');
    expect((await runContext(dir, { CI: 'false' })).ci).toBeUndefined();
  });
});
