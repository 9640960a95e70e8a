import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/prepare/config-file.js';
import { createLoader, loadUserFiles } from '../../src/prepare/load.js';
import { parseLoadTimeout } from '../../src/prepare/load-timeout.js';

/** A throwaway project of contract files (path -> source). */
function projectOf(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-isolation-'));
  for (const [file, source] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), source);
  }
  return dir;
}

const contract = (name: string, before = '') => `import { col, defineContract } from 'datacheck';
${before}
export default defineContract({ name: '${name}', columns: { id: col.int32() } });
`;

const good = contract('good');

async function load(files: Record<string, string>, timeoutMs = 30_000) {
  const cwd = projectOf(files);
  const paths = Object.keys(files).map((f) => path.join(cwd, f));
  const loader = createLoader({ projectRoot: cwd, timeoutMs });
  return { cwd, loaded: await loadUserFiles(paths, { cwd, loader }) };
}

describe('user files loaded in a worker', () => {
  it('process.exit() in a contract is an issue naming the file, and the files after it still load', async () => {
    const { cwd, loaded } = await load({ 'a.contract.ts': contract('exits', 'process.exit(0);'), 'b.contract.ts': good });
    expect(loaded.issues).toEqual([
      expect.objectContaining({
        code: 'load.exited',
        message: 'a.contract.ts called process.exit(0) while loading',
        location: { file: path.join(cwd, 'a.contract.ts'), line: 1, column: 1 },
      }),
    ]);
    expect(loaded.contracts.map((c) => c.name)).toEqual(['good']);
  });

  it('an endless loop is cut off by the timeout, naming the file; the others still load', async () => {
    const { cwd, loaded } = await load(
      { 'a.contract.ts': good, 'b.contract.ts': contract('loops', 'for (;;) {}'), 'c.contract.ts': contract('after') },
      1500,
    );
    expect(loaded.issues).toEqual([
      expect.objectContaining({
        code: 'load.timeout',
        message: 'b.contract.ts did not finish loading within 1500 ms',
        location: { file: path.join(cwd, 'b.contract.ts'), line: 1, column: 1 },
      }),
    ]);
    expect(loaded.contracts.map((c) => c.name)).toEqual(['good', 'after']);
  });

  it('a top-level await that never settles is cut off by the timeout too', async () => {
    const { loaded } = await load({ 'a.contract.ts': contract('waits', 'await new Promise(() => {});') }, 1500);
    expect(loaded.issues.map((i) => [i.code, i.message])).toEqual([
      ['load.timeout', 'a.contract.ts did not finish loading within 1500 ms'],
    ]);
    expect(loaded.contracts).toEqual([]);
  });

  it('a timer a contract leaves running is ended once loading is done', async () => {
    const ticks = path.join(mkdtempSync(path.join(os.tmpdir(), 'datacheck-ticks-')), 'ticks');
    writeFileSync(ticks, '');
    const ticking = contract(
      'ticking',
      `import { appendFileSync } from 'node:fs';\nsetInterval(() => appendFileSync(${JSON.stringify(ticks)}, '.'), 5);`,
    );
    const { loaded } = await load({ 'a.contract.ts': ticking });
    expect(loaded.issues).toEqual([]);
    expect(loaded.contracts.map((c) => c.name)).toEqual(['ticking']);
    const atEnd = readFileSync(ticks, 'utf8').length;
    await sleep(300);
    expect(readFileSync(ticks, 'utf8').length).toBe(atEnd);
  });

  it('a contract holding a function is named as not plain data, not a crash', async () => {
    const source = `import { col, defineContract } from 'datacheck';
const c = defineContract({ name: 'fn', columns: { id: col.int32() } });
export default { ...c, owner: () => 'me' };
`;
    const { loaded } = await load({ 'a.contract.ts': source });
    expect(loaded.issues.map((i) => i.code)).toEqual(['load.not_plain_data']);
  });

  it('a contract that a suite imports and that is discovered itself is one object (not two copies)', async () => {
    const suite = `import { defineSuite } from 'datacheck';\nimport c from './a.contract';\nexport default defineSuite(c, (t) => [t.rowCount().atLeast(1)]);\n`;
    const { loaded } = await load({ 'a.contract.ts': good, 'a.check.ts': suite });
    expect(loaded.issues).toEqual([]);
    expect(loaded.contracts).toHaveLength(1);
    expect(loaded.suites[0].contract).toBe(loaded.contracts[0]);
  });
});

describe('the config file, loaded in the worker too', () => {
  it('a config that calls process.exit() is an issue naming it; the run goes on with defaults', async () => {
    const cwd = projectOf({
      'datacheck.config.ts': "import { defineConfig } from 'datacheck/config';\nprocess.exit(0);\nexport default defineConfig({});\n",
    });
    const { config, issues } = await loadConfigFile(undefined, cwd, createLoader({ projectRoot: cwd }));
    expect(config).toEqual({ kind: 'config' });
    expect(issues.map((i) => [i.code, i.message])).toEqual([['load.exited', 'datacheck.config.ts called process.exit(0) while loading']]);
  });

  it('loadTimeout must be a duration', async () => {
    const cwd = projectOf({ 'datacheck.config.ts': "export default { kind: 'config', loadTimeout: 'soon' };\n" });
    const { issues } = await loadConfigFile(undefined, cwd, createLoader({ projectRoot: cwd }));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'config.invalid',
        message: "config option 'loadTimeout' is not valid",
        found: '"soon"',
        location: { file: path.join(cwd, 'datacheck.config.ts'), line: 1, column: 34 },
      }),
    ]);
  });
});

describe('parseLoadTimeout', () => {
  it('reads milliseconds and durations, and names where a bad value came from', () => {
    expect([30000, '500ms', '30s', '2m', ' 1.5s '].map((v) => parseLoadTimeout(v, 'x').ms)).toEqual([30000, 500, 30000, 120000, 1500]);
    expect(parseLoadTimeout(undefined, 'x')).toEqual({});
    expect(parseLoadTimeout('0s', 'DATACHECK_LOAD_TIMEOUT').issue).toMatchObject({
      code: 'config.invalid',
      message: 'DATACHECK_LOAD_TIMEOUT: load timeout "0s" is not a duration',
    });
    expect(parseLoadTimeout('1h', '--load-timeout').issue?.message).toBe('--load-timeout: load timeout "1h" is not a duration');
  });
});
