import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { datacheck, projectOf } from '../../e2e/harness.js';

const v1 = `import { col, defineContract } from 'datacheck';
export default defineContract({
  name: 'orders',
  version: '1.0.0',
  columns: {
    id: col.int32().primaryKey(),
    status: col.string().oneOf(['placed', 'shipped', 'returned']),
    amount: col.int32().min(0),
  },
});
`;
/** Breaking (a removed allowed value) beside a widened type, under a minor bump: unannounced. */
const v2 = v1.replace("'1.0.0'", "'1.1.0'").replace(", 'returned'", '').replace('col.int32().min(0)', 'col.int64().min(0)');
/** The same breaking change, announced by a major bump, plus an optional column. */
const v3 = v2.replace("'1.1.0'", "'2.0.0'").replace('    amount:', '    coupon: col.string().nullable(),\n    amount:');

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd, encoding: 'utf8' });

describe('datacheck diff over real git history', () => {
  let repo: string;
  const file = 'contracts/orders.contract.ts';
  beforeAll(() => {
    repo = projectOf({ [file]: v1 });
    git(repo, 'init', '-q', '-b', 'main');
    for (const [text, message] of [
      [v1, 'v1'],
      [v2, 'v2'],
      [v3, 'v3'],
    ]) {
      writeFileSync(path.join(repo, file), text);
      git(repo, 'add', '.');
      git(repo, 'commit', '-q', '-m', message);
    }
  });

  it('exits 1 on a breaking change the version does not announce, listing each change', async () => {
    const r = await datacheck(repo, ['diff', `git:HEAD~2:${file}`, `git:HEAD~1:${file}`]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`contract orders: git:HEAD~2:${file} -> git:HEAD~1:${file}`);
    expect(r.stdout).toMatch(/breaking +'status': allowed value "returned" removed/);
    expect(r.stdout).toMatch(/non-breaking +'amount': type widened, int32 → int64/);
    expect(r.stdout).toContain('breaking changes need a major bump: 1.0.0 → 2.0.0, found 1.1.0');
  });

  it('exits 0 when a major bump announces it, against the working tree file too', async () => {
    const r = await datacheck(repo, ['diff', `git:HEAD~2:${file}`, file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/non-breaking +nullable column 'coupon' \(string\) added/);
    expect(r.stdout).toContain('version 1.0.0 -> 2.0.0: ok (needs a major bump)');
  });

  it('writes Markdown for a pull-request comment', async () => {
    const r = await datacheck(repo, ['diff', `git:main~2:${file}`, `git:main~1:${file}`, '--format', 'markdown', '-o', 'diff.md']);
    expect(r.code).toBe(1);
    const md = readFileSync(path.join(repo, 'diff.md'), 'utf8');
    expect(md).toContain(':x: **1 breaking change not announced by the version**');
    expect(md).toContain('| impact | change |');
    expect(md).toContain('| breaking | \'status\': allowed value "returned" removed |');
  });

  it('exits 2 with the git error for a ref or path that does not exist, and leaves no temp copy behind', async () => {
    const r = await datacheck(repo, ['diff', `git:nope:${file}`, file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot read git:nope:${file}`);
    const missing = await datacheck(repo, ['diff', 'git:HEAD:contracts/gone.contract.ts', file]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('contracts/gone.contract.ts');
    expect(git(repo, 'status', '--porcelain', '--', 'contracts')).toBe('');
  });

  it('points a load error in an old version at git:<ref>:<path>, not at a temp file', async () => {
    writeFileSync(path.join(repo, file), v1.replace('col.int32().min(0)', 'col.int32().between(5, 1)'));
    git(repo, 'commit', '-q', '-am', 'bad');
    const r = await datacheck(repo, ['diff', `git:HEAD:${file}`, `git:HEAD~1:${file}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`git:HEAD:${file}:8:`); // the amount line of the bad version
    expect(r.stderr).toContain('the lower bound 5 is above the upper bound 1');
    expect(r.stderr).not.toContain('datacheck-git-');
  });
});
