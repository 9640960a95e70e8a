import { expect } from 'vitest';
import type { SqlConnection } from '../../../../../src/engines/sql/sql-connection.js';
import type { ConnectionDef } from '../../../../../src/model/config.js';
import { isDatacheckError, type Issue } from '../../../../../src/model/issue.js';
import { openPostgresConnection } from '../../../../../src/engines/sql/drivers/postgres/pg-connection.js';
import { adminQuery, quoteIdent, testPostgres } from '../../../../support/postgres.js';

/** Opens a connection as datacheck does: the URL only through the environment variable urlEnv names. */
export async function connect(url?: string, extra: Partial<ConnectionDef> = {}): Promise<SqlConnection> {
  const env = { WAREHOUSE_URL: url ?? (await testPostgres()).url };
  return openPostgresConnection('warehouse', { kind: 'postgres', urlEnv: 'WAREHOUSE_URL', ...extra }, env);
}

/** An empty schema owned by the fixture superuser, one per test file so files can run in parallel. */
export async function freshSchema(name: string): Promise<string> {
  await adminQuery(`DROP SCHEMA IF EXISTS ${quoteIdent(name)} CASCADE`);
  await adminQuery(`CREATE SCHEMA ${quoteIdent(name)}`);
  return name;
}

/** The Issue a promise rejects with; fails the test when it resolves or throws something else. */
export async function issueOf(p: Promise<unknown>): Promise<Issue & { text: string }> {
  const e = await p.then(
    () => expect.unreachable('expected the call to fail with a DatacheckError'),
    (err: unknown) => err,
  );
  if (!isDatacheckError(e)) throw e;
  // Everything a user or a log could see of the error, to search for secrets.
  const text = [e.message, e.stack, String(e), JSON.stringify(e.issue)].join('\n');
  return { ...e.issue, text };
}
