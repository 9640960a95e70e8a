import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { col, defineContract } from '../../../../../src/index.js';
import type { ContractDef } from '../../../../../src/model/contract.js';
import type { RunResult } from '../../../../../src/model/result.js';
import { runDatacheck } from '../../../../../src/run/runner.js';
import { quoteIdent as q, testPostgres } from '../../../../support/postgres.js';
import { freshSchema } from './pg-test-connection.js';

/**
 * A table's schema check is answered from the catalog, without reading a row: while another
 * session holds ACCESS EXCLUSIVE on the table (which blocks every read of its rows, even a plain
 * SELECT), the schema checks still find the missing column and the wrong type. The control in
 * the same run shows the lock is real: a check that needs rows waits until the statement timeout.
 */
const SCHEMA = 'schema_catalog';
const contract = defineContract({
  name: 'locked',
  source: { table: `${SCHEMA}.locked`, connection: 'pg' },
  columns: { id: col.int64(), amount: col.float64(), missing: col.string() },
});

let locker: pg.Client;
let url: string;
beforeAll(async () => {
  const server = await testPostgres();
  url = server.url;
  await freshSchema(SCHEMA);
  locker = new pg.Client({ connectionString: server.adminUrl });
  await locker.connect();
  await locker.query(`CREATE TABLE ${q(SCHEMA)}.locked (id bigint, amount text); INSERT INTO ${q(SCHEMA)}.locked VALUES (1, 'x')`);
  await locker.query(`BEGIN; LOCK TABLE ${q(SCHEMA)}.locked IN ACCESS EXCLUSIVE MODE`);
});
afterAll(async () => {
  await locker?.query('ROLLBACK').catch(() => undefined);
  await locker?.end();
});

const run = (filter: string[]): Promise<RunResult> =>
  runDatacheck({
    cwd: process.cwd(),
    contracts: [contract as ContractDef],
    suites: [],
    issues: [],
    filter,
    maxFailingRows: 5,
    connections: { pg: { kind: 'postgres', urlEnv: 'PG_URL', statementTimeoutMs: 1500 } },
    env: { PG_URL: url },
  });

describe('schema checks on PostgreSQL read the catalog, not the rows', () => {
  it('answer under an ACCESS EXCLUSIVE lock, while a check that reads rows waits until the statement timeout', async () => {
    const r = await run(['columns of the contract are present', 'amount is float64', 'id is not null']);
    const checks = Object.fromEntries(r.datasets[0].checks.map((c) => [c.title, c]));
    expect(Object.keys(checks).sort()).toEqual(['amount is float64', 'columns of the contract are present', 'id is not null']);
    // From the catalog: the missing column and the text column where the contract says float64.
    expect(checks['columns of the contract are present']).toMatchObject({ outcome: 'fail', observed: { missing: ['missing'] } });
    expect(checks['amount is float64']).toMatchObject({ outcome: 'fail' });
    expect(JSON.stringify(checks['amount is float64'].observed)).toMatch(/Utf8|string/);
    // The control: the lock is real, rows could not be read.
    expect(checks['id is not null']).toMatchObject({ outcome: 'error', message: expect.stringMatching(/statement timeout of 1500 ms/) });
  });
});
