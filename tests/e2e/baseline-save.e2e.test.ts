import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datacheck, projectOf, root } from './harness.js';

// `datacheck baseline save` through the built CLI (dist/, built by `npm run build`).

const withoutTime = (text: string) => ({ ...JSON.parse(text), savedAt: undefined });

describe('datacheck baseline save', () => {
  it("writes the bundled example's payments baseline, identical to the committed one but for its time", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-baseline-'));
    const r = await datacheck(root, ['baseline', 'save', '--filter', 'payments', '--dir', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`saved ${path.join(dir, 'payments.json')} (payments, 4 columns)\n`);
    const written = readFileSync(path.join(dir, 'payments.json'), 'utf8');
    expect(withoutTime(written)).toEqual(withoutTime(readFileSync(path.join(root, 'baselines/payments.json'), 'utf8')));
    // One [value, count] pair per line.
    expect(written).toMatch(/\n {8}\["credit_card", \d+\],\n/);
  });

  it('a pii column keeps its null count only; a dataset that cannot be read exits 2 and the others are still written', async () => {
    const cwd = projectOf({
      'people.csv': 'id,email\n1,ann@example.com\n2,\n',
      'contracts/people.contract.ts':
        "import { col, defineContract } from 'datacheck';\nexport default defineContract({ name: 'people', source: { file: 'people.csv' }, columns: { id: col.int32(), email: col.string().nullable().pii() } });\n",
      'contracts/gone.contract.ts':
        "import { col, defineContract } from 'datacheck';\nexport default defineContract({ name: 'gone', source: { file: 'missing.csv' }, columns: { id: col.int32() } });\n",
    });
    const r = await datacheck(cwd, ['baseline', 'save']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`saved ${path.join('baselines', 'people.json')} (people, 2 columns)`);
    expect(r.stderr).toMatch(/^error: gone: .*missing\.csv/m);
    const text = readFileSync(path.join(cwd, 'baselines/people.json'), 'utf8');
    expect(JSON.parse(text).columns.email).toEqual({ type: 'string', nullCount: 1, pii: true });
    expect(text).not.toContain('ann@');
  });

  it('a filter that names no dataset: exit 2, saying so', async () => {
    const r = await datacheck(root, ['baseline', 'save', '--filter', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: no contract with a source named nope to save a baseline of\n');
  });
});
