import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { capSamples } from '../../src/reporters/cap-samples.js';
import { copyProject, fakeIo } from '../cli/cli-harness.js';
import { sampleRun } from './sample-run.js';

/** A saved result edited by hand (or from elsewhere), with a 5 MB failing-row value and observed value. */
function runWithHugeValues() {
  const run = sampleRun();
  const check = run.datasets.flatMap((d) => d.checks).find((c) => c.id === 'orders.status.one_of')!;
  check.failingRows![0].values.status = 's'.repeat(5_000_000);
  check.observed = 'o'.repeat(5_000_000);
  return { run, check: check.id };
}

describe('reports cap sampled values even when the result did not come from the engines', () => {
  it('capSamples cuts failing-row values and observed values, and leaves the saved result alone', () => {
    const { run, check } = runWithHugeValues();
    const find = (r: typeof run) => r.datasets.flatMap((d) => d.checks).find((c) => c.id === check)!;
    const capped = find(capSamples(run));
    expect(capped.failingRows![0].values.status).toBe(`${'s'.repeat(200)}… (5,000,000 chars)`);
    expect(capped.observed).toBe(`${'o'.repeat(200)}… (5,000,000 chars)`);
    expect((find(run).observed as string).length).toBe(5_000_000);
  });

  it('`datacheck report` of such a result writes small reports', async () => {
    const dir = copyProject('good');
    writeFileSync(path.join(dir, 'saved.json'), JSON.stringify(runWithHugeValues().run));
    const io = fakeIo(dir);
    expect(await main(['report', 'saved.json', '-r', 'console', '-r', 'json', '-o', 'json=again.json'], io)).toBe(EXIT.error);
    expect(io.err()).toBe('report written to again.json\n');
    expect(io.out().length).toBeLessThan(20_000);
    const again = readFileSync(path.join(dir, 'again.json'), 'utf8');
    expect(again.length).toBeLessThan(50_000);
    expect(again).toContain('… (5,000,000 chars)');
  });
});
