import { DuckDBInstance } from '@duckdb/node-api';
import { linkSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.js';
import { main } from '../../src/cli/main.js';
import { ReadFiles } from '../../src/reporters/protect-inputs.js';
import { writeReport } from '../../src/reporters/write-report.js';
import { copyProject, fakeIo } from './cli-harness.js';

const NO_TYPECHECK = '--no-typecheck';

/** Runs the CLI and returns the exit code, stderr, and whether the run was reached at all. */
async function refused(dir: string, args: string[]) {
  const io = fakeIo(dir);
  const code = await main([NO_TYPECHECK, ...args], io);
  return { code, err: io.err(), ran: io.inputs.length > 0 };
}

describe('CLI: a report is never written over a file the run reads', () => {
  it('refuses a data file as an output path, before the run, and leaves the data as it was', async () => {
    const dir = copyProject('good');
    const data = readFileSync(path.join(dir, 'data/orders.csv'), 'utf8');
    const r = await refused(dir, ['-r', 'json', '-o', 'json=data/orders.csv']);
    expect(r.code).toBe(EXIT.error);
    expect(r.err).toBe(
      'error: the json reporter would write its report to data/orders.csv, which this run reads: choose another output file; nothing was written\n',
    );
    expect(r.ran).toBe(false);
    expect(readFileSync(path.join(dir, 'data/orders.csv'), 'utf8')).toBe(data);
  });

  it('refuses a contract file, whatever the spelling of the path', async () => {
    const dir = copyProject('good');
    const contract = readFileSync(path.join(dir, 'contracts/orders.contract.ts'), 'utf8');
    for (const spelling of [
      'contracts/orders.contract.ts',
      './contracts/../contracts/orders.contract.ts',
      path.join(dir, 'contracts/orders.contract.ts'),
    ]) {
      const r = await refused(dir, ['-r', 'html', '-o', `html=${spelling}`]);
      expect(r.code, spelling).toBe(EXIT.error);
      expect(r.err, spelling).toContain('the html reporter would write its report to contracts/orders.contract.ts, which this run reads');
    }
    expect(readFileSync(path.join(dir, 'contracts/orders.contract.ts'), 'utf8')).toBe(contract);
  });

  it('knows a symlink or a hard link to an input is the input', async () => {
    const dir = copyProject('good');
    symlinkSync(path.join(dir, 'data/orders.csv'), path.join(dir, 'link.csv'));
    linkSync(path.join(dir, 'checks/orders.check.ts'), path.join(dir, 'hard.ts'));
    const viaSymlink = await refused(dir, ['-r', 'junit', '-o', 'junit=link.csv']);
    expect(viaSymlink.err).toContain(
      'the junit reporter would write its report to link.csv (the same file as data/orders.csv), which this run reads',
    );
    const viaHardLink = await refused(dir, ['-r', 'markdown', '-o', 'markdown=hard.ts']);
    expect(viaHardLink.err).toContain('the markdown reporter would write its report to hard.ts (the same file as checks/orders.check.ts)');
    expect([viaSymlink.code, viaHardLink.code]).toEqual([EXIT.error, EXIT.error]);
  });

  it('refuses the DuckDB database file of a connection, and the config file', async () => {
    const dir = copyProject('good');
    const db = await DuckDBInstance.create(path.join(dir, 'warehouse.duckdb'));
    const conn = await db.connect();
    await conn.run('CREATE TABLE t AS SELECT 1 AS id');
    conn.closeSync();
    db.closeSync();
    writeFileSync(
      path.join(dir, 'datacheck.config.ts'),
      "import { defineConfig } from 'datacheck/config';\nexport default defineConfig({ connections: { wh: { kind: 'duckdb', path: 'warehouse.duckdb' } } });\n",
    );
    const before = readFileSync(path.join(dir, 'warehouse.duckdb'));
    const r = await refused(dir, ['-r', 'json', '-o', 'json=warehouse.duckdb']);
    expect(r.code).toBe(EXIT.error);
    expect(r.err).toContain('the json reporter would write its report to warehouse.duckdb, which this run reads');
    expect(readFileSync(path.join(dir, 'warehouse.duckdb')).equals(before)).toBe(true);
    const config = await refused(dir, ['-r', 'json', '-o', 'json=datacheck.config.ts']);
    expect(config.err).toContain('the json reporter would write its report to datacheck.config.ts, which this run reads');
  });

  it('refuses to re-render a saved result over itself', async () => {
    const dir = copyProject('good');
    expect(await main([NO_TYPECHECK, '-r', 'json', '-o', 'json=result.json'], fakeIo(dir, { outcome: 'fail' }))).toBe(EXIT.failed);
    const saved = readFileSync(path.join(dir, 'result.json'), 'utf8');
    const io = fakeIo(dir);
    expect(await main(['report', 'result.json', '-r', 'markdown', '-o', 'markdown=./result.json'], io)).toBe(EXIT.error);
    expect(io.err()).toContain('the markdown reporter would write its report to result.json, which this run reads');
    expect(readFileSync(path.join(dir, 'result.json'), 'utf8')).toBe(saved);
  });

  it('still writes next to the inputs, and over a previous report', async () => {
    const dir = copyProject('good');
    expect(await main([NO_TYPECHECK, '-r', 'json', '-o', 'json=data/report.json'], fakeIo(dir))).toBe(EXIT.passed);
    expect(await main([NO_TYPECHECK, '-r', 'json', '-o', 'json=data/report.json'], fakeIo(dir))).toBe(EXIT.passed);
  });
});

describe('writeReport: the last line of defence, for paths the CLI did not know up front', () => {
  it('throws, naming the reporter and the input, instead of writing over a file the run read', async () => {
    const dir = copyProject('good');
    const data = path.join(dir, 'data/orders.csv');
    const before = readFileSync(data, 'utf8');
    const context = {
      cwd: dir,
      stdout: { write: () => true },
      color: false,
      verbose: false,
      options: {},
      readFiles: new ReadFiles([data]),
    };
    await expect(writeReport('{}', context, 'data/orders.csv', 'json')).rejects.toThrow(
      'the json reporter would write its report to data/orders.csv, which this run reads: choose another output file; nothing was written',
    );
    expect(readFileSync(data, 'utf8')).toBe(before);
  });
});
