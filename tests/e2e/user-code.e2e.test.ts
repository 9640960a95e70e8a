import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { datacheck, project, root } from './harness.js';

// Contracts are code: whatever they do while loading must end as a run that could not be done
// (exit 2) naming the file, never as a green CI gate or a CLI that never returns.

beforeAll(() => {
  if (!existsSync(path.join(root, 'dist/src/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
});

/** The `good` fixture (one passing dataset, `orders`) plus one more contract with `body` before it. */
function withContract(body: string): string {
  const dir = project('good');
  writeFileSync(
    path.join(dir, 'contracts/bad.contract.ts'),
    `import { col, defineContract } from 'datacheck';\n${body}\nexport default defineContract({ name: 'bad', source: { file: 'data/orders.csv' }, columns: { id: col.int32() } });\n`,
  );
  return dir;
}

const ORDERS_PASSED = /PASS {2}orders \(data\/orders\.csv, 20 rows\)/;

describe('user code that exits, lingers or never finishes loading (e2e)', () => {
  it('process.exit(0) in a contract: exit 2 naming the file, the other datasets still reported', async () => {
    const r = await datacheck(withContract('process.exit(0);'), ['contracts']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('contracts/bad.contract.ts:1:1 bad.contract.ts called process.exit(0) while loading [load.exited]');
    expect(r.stdout).toMatch(ORDERS_PASSED);
  });

  it('a setInterval left by a contract does not keep the CLI alive after the summary', async () => {
    const r = await datacheck(withContract("setInterval(() => console.log('tick'), 1000);"), ['contracts']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(ORDERS_PASSED);
    expect(r.stdout).not.toContain('tick');
  });

  it('an endless loop: exit 2 naming the file once the load timeout (DATACHECK_LOAD_TIMEOUT) has passed', async () => {
    const r = await datacheck(withContract('while (true) {}'), ['contracts'], { DATACHECK_LOAD_TIMEOUT: '2s' });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('contracts/bad.contract.ts:1:1 bad.contract.ts did not finish loading within 2000 ms [load.timeout]');
    expect(r.stdout).toMatch(ORDERS_PASSED);
  });

  it('a top-level await that never settles: exit 2 naming the file (was exit 13, no output)', async () => {
    const r = await datacheck(withContract('await new Promise(() => {});'), ['contracts', '--load-timeout', '1500ms']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('bad.contract.ts did not finish loading within 1500 ms [load.timeout]');
    expect(r.stdout).toMatch(ORDERS_PASSED);
  });

  it("the config's loadTimeout applies to contract files", async () => {
    const dir = withContract('while (true) {}');
    writeFileSync(
      path.join(dir, 'datacheck.config.ts'),
      "import { defineConfig } from 'datacheck/config';\nexport default defineConfig({ loadTimeout: '1s' });\n",
    );
    const r = await datacheck(dir, ['contracts']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('bad.contract.ts did not finish loading within 1000 ms [load.timeout]');
  });

  it('console and setTimeout in a contract type-check and run', async () => {
    const r = await datacheck(withContract("console.error('loading bad');\nsetTimeout(() => undefined, 1);"), ['contracts']);
    expect(r.stdout).not.toContain('[typecheck]');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('loading bad');
  });
});
