import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { DUCKDB_CSV_MIN_BYTES } from '../../src/access/duckdb-files.js';
import { main } from '../../src/cli/main.js';
import type { RunResult } from '../../src/model/result.js';
import { fakeIo } from '../cli/cli-harness.js';

/**
 * One read decision (src/access/read-plan.ts) serves both `datacheck plan` and the run. For every
 * input kind, what `plan` prints (Arrow, or SQL on which connection) is what the run does: a run
 * on SQL sends statements (`--debug` counts them), a run on Arrow sends none, and both read the
 * same three rows.
 */
const KINDS: { name: string; source: string; plan: RegExp; sql: boolean }[] = [
  { name: 'parquet', source: "{ file: 'd/ids.parquet' }", plan: /SQL, duckdb on duckdb:\/\/memory/, sql: true },
  {
    name: 'parquet_arrow',
    source: "{ file: 'd/ids.parquet', engine: 'arrow' }",
    plan: /Arrow engine, the source says engine: 'arrow'/,
    sql: false,
  },
  { name: 'parquet_many', source: "{ file: 'd/part-*.parquet' }", plan: /SQL, duckdb on duckdb:\/\/memory/, sql: true },
  { name: 'small_csv', source: "{ file: 'd/ids.csv' }", plan: /Arrow engine, csv under 64 MiB/, sql: false },
  { name: 'large_csv', source: "{ file: 'd/large.csv' }", plan: /SQL, duckdb on duckdb:\/\/memory/, sql: true },
  { name: 'duckdb_csv', source: "{ file: 'd/ids.csv', engine: 'duckdb' }", plan: /SQL, duckdb on duckdb:\/\/memory/, sql: true },
  { name: 'json', source: "{ file: 'd/ids.json' }", plan: /Arrow engine, json files/, sql: false },
  { name: 'arrow_ipc', source: "{ file: 'd/ids.arrow' }", plan: /Arrow engine, arrow files/, sql: false },
  { name: 'table', source: "{ table: 'ids', connection: 'wh' }", plan: /SQL, duckdb on wh/, sql: true },
  { name: 'query', source: "{ query: 'SELECT id FROM ids', connection: 'wh' }", plan: /SQL, duckdb on wh/, sql: true },
];

let dir: string;
let largeRows: number;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-agree-'));
  mkdirSync(path.join(dir, 'd'));
  mkdirSync(path.join(dir, 'contracts'));
  writeFileSync(path.join(dir, 'd/ids.csv'), 'id\n1\n2\n3\n');
  writeFileSync(path.join(dir, 'd/ids.json'), '[{"id":1},{"id":2},{"id":3}]');
  writeFileSync(path.join(dir, 'd/ids.arrow'), tableToIPC(tableFromArrays({ id: BigInt64Array.from([1n, 2n, 3n]) }), 'file'));
  // Just past the size from which CSV goes to DuckDB: 8-byte lines.
  largeRows = Math.ceil(DUCKDB_CSV_MIN_BYTES / 8);
  writeFileSync(path.join(dir, 'd/large.csv'), `id\n${'1234567\n'.repeat(largeRows)}`);
  const db = await DuckDBInstance.create(path.join(dir, 'wh.duckdb'));
  const c = await db.connect();
  await c.run('CREATE TABLE ids AS SELECT range::BIGINT AS id FROM range(1, 4)');
  await c.run(`COPY ids TO '${path.join(dir, 'd/ids.parquet')}' (FORMAT parquet)`);
  await c.run(`COPY (SELECT * FROM ids WHERE id < 3) TO '${path.join(dir, 'd/part-1.parquet')}' (FORMAT parquet)`);
  await c.run(`COPY (SELECT * FROM ids WHERE id = 3) TO '${path.join(dir, 'd/part-2.parquet')}' (FORMAT parquet)`);
  c.closeSync();
  db.closeSync();
  writeFileSync(
    path.join(dir, 'datacheck.config.ts'),
    "import { defineConfig } from 'datacheck/config';\nexport default defineConfig({ connections: { wh: { kind: 'duckdb', path: 'wh.duckdb' } } });\n",
  );
  for (const k of KINDS) {
    writeFileSync(
      path.join(dir, `contracts/${k.name}.contract.ts`),
      `import { col, defineContract } from 'datacheck';\nexport default defineContract({ name: '${k.name}', source: ${k.source}, columns: { id: col.int64() } });\n`,
    );
  }
});

describe('datacheck plan prints the read the run executes', () => {
  it('for every input kind', { timeout: 240_000 }, async () => {
    const plan = fakeIo(dir);
    expect(await main(['plan'], plan)).toBe(0);
    // The relations are the run's own: several Parquet files are unioned by name, large CSV is read as text.
    expect(plan.out()).toContain('read_parquet([$1, $2], union_by_name = ');
    expect(plan.out()).toMatch(/read_csv\(\[\$\d+\], all_varchar = /);
    for (const k of KINDS) {
      const head = plan
        .out()
        .split('\n')
        .find((l) => l.startsWith(`dataset ${k.name} `));
      expect(head, k.name).toMatch(k.plan);
      const { run: _stub, ...io } = fakeIo(dir);
      const out = path.join(dir, `${k.name}.json`);
      expect(await main(['--no-typecheck', '--debug', '-f', k.name, '-r', 'json', '-o', out], io), k.name).toBe(0);
      const queries = Number(/datacheck: sql (\d+) queries/.exec(io.err())?.[1]);
      expect(queries > 0, `${k.name}: ${queries} SQL statements`).toBe(k.sql);
      const result: RunResult = JSON.parse((await import('node:fs')).readFileSync(out, 'utf8'));
      expect(result.datasets[0].rowCount, k.name).toBe(k.name === 'large_csv' ? largeRows : 3);
    }
  });
});
