import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlConnection } from '../../../../../src/engines/sql/sql-connection.js';
import type { ConnectionDef } from '../../../../../src/model/config.js';
import { openPostgresConnection } from '../../../../../src/engines/sql/drivers/postgres/pg-connection.js';
import { testPostgres, type PostgresServerInfo } from '../../../../support/postgres.js';
import { connect, issueOf } from './pg-test-connection.js';

const open = (def: Partial<ConnectionDef>, env: NodeJS.ProcessEnv) =>
  openPostgresConnection('warehouse', { kind: 'postgres', ...def }, env);

/** Every spelling of a password that could leak: as typed, percent-encoded, and the URL itself. */
function expectNoSecret(text: string, password: string, url: string) {
  for (const s of [password, encodeURIComponent(password), url]) expect(text).not.toContain(s);
}

describe('PostgreSQL connection settings', () => {
  let server: PostgresServerInfo;
  beforeAll(async () => {
    server = await testPostgres();
  });

  it('connects with the URL from the environment variable named by urlEnv', async () => {
    const conn = await connect(server.url);
    try {
      expect(conn.dialect).toBe('postgres');
      expect(await conn.query({ sql: 'SELECT current_user AS who, $1::int + 1 AS n', params: [41] })).toEqual([
        { who: server.reader.user, n: 42 },
      ]);
    } finally {
      await conn.close();
    }
  });

  it('an unset variable is a config issue naming the variable', async () => {
    const issue = await issueOf(open({ urlEnv: 'WAREHOUSE_URL' }, {}));
    expect(issue.code).toBe('connection.config');
    expect(issue.message).toBe("connection 'warehouse': the environment variable WAREHOUSE_URL is not set");
    expect(issue.hint).toContain('export WAREHOUSE_URL');
  });

  it('an empty variable is a config issue too', async () => {
    const issue = await issueOf(open({ urlEnv: 'WAREHOUSE_URL' }, { WAREHOUSE_URL: '  ' }));
    expect(issue.message).toContain('WAREHOUSE_URL is empty');
  });

  it('a connection without urlEnv says what to write', async () => {
    const issue = await issueOf(open({}, {}));
    expect(issue.code).toBe('connection.config');
    expect(issue.expected).toContain('environment variable');
  });

  it('a URL written into the config is refused, explaining why, without echoing it', async () => {
    const def = { urlEnv: 'WAREHOUSE_URL', url: server.url } as Partial<ConnectionDef>;
    const issue = await issueOf(open(def, { WAREHOUSE_URL: server.url }));
    expect(issue.code).toBe('connection.config');
    expect(issue.message).toContain('may not be written in the config');
    expect(issue.hint).toContain('config files are committed');
    expectNoSecret(issue.text, server.reader.password, server.url);
  });

  it('a password written into the config is refused the same way', async () => {
    const def = { urlEnv: 'WAREHOUSE_URL', password: 'hunter2-in-a-file' } as Partial<ConnectionDef>;
    const issue = await issueOf(open(def, { WAREHOUSE_URL: server.url }));
    expect(issue.code).toBe('connection.config');
    expect(issue.message).toContain('credentials may not be written in the config (password)');
    expect(issue.text).not.toContain('hunter2');
  });

  it('an unknown option is refused, so a misspelt timeout does not silently fall back to the default', async () => {
    const def = { urlEnv: 'WAREHOUSE_URL', statementTimeout: 1000 } as Partial<ConnectionDef>;
    const issue = await issueOf(open(def, { WAREHOUSE_URL: server.url }));
    expect(issue.code).toBe('connection.config');
    expect(issue.message).toBe("connection 'warehouse': unknown option statementTimeout");
    expect(issue.expected).toContain('statementTimeoutMs');
  });

  it('a DuckDB connection definition is not opened as PostgreSQL', async () => {
    const issue = await issueOf(openPostgresConnection('local', { kind: 'duckdb', path: 'x.duckdb' }, {}));
    expect(issue.message).toBe("connection 'local': kind 'duckdb' is not a PostgreSQL connection");
  });

  it('a variable holding something other than a postgres:// URL is refused without showing its value', async () => {
    const notPg = `mysql://root:${encodeURIComponent(server.reader.password)}@db:3306/x`;
    const issue = await issueOf(open({ urlEnv: 'WAREHOUSE_URL' }, { WAREHOUSE_URL: notPg }));
    expect(issue.code).toBe('connection.config');
    expect(issue.found).toBe('a URL with scheme mysql:');
    expectNoSecret(issue.text, server.reader.password, notPg);

    const garbage = `host=db password=${server.reader.password}`;
    const issue2 = await issueOf(open({ urlEnv: 'WAREHOUSE_URL' }, { WAREHOUSE_URL: garbage }));
    expect(issue2.found).toContain('not a URL');
    expectNoSecret(issue2.text, server.reader.password, garbage);
  });

  it('a wrong password fails at open with connection.failed, and no password in any text', async () => {
    const wrong = 'wr0ng:p@ss/w%rd';
    const url = `postgres://${server.reader.user}:${encodeURIComponent(wrong)}@${server.host}:${server.port}/${server.database}`;
    const issue = await issueOf(connect(url));
    expect(issue.code).toBe('connection.failed');
    expect(issue.message).toContain(`connection 'warehouse' (postgres://127.0.0.1:${server.port}): could not connect`);
    expect(issue.message).toContain('password authentication failed');
    expect(issue.hint).toContain('password');
    expectNoSecret(issue.text, wrong, url);
    expectNoSecret(issue.text, server.reader.password, server.url);
  });

  it('a password given as a URL parameter is redacted too', async () => {
    const wrong = 'param-secret-123';
    const url = `postgres://${server.host}:${server.port}/${server.database}?user=${server.reader.user}&password=${wrong}`;
    const issue = await issueOf(connect(url));
    expect(issue.code).toBe('connection.failed');
    expectNoSecret(issue.text, wrong, url);
  });

  it('nothing listening is connection.failed with a hint, quickly', async () => {
    const url = `postgres://u:secret-pw@127.0.0.1:1/db`;
    const t0 = Date.now();
    const issue = await issueOf(connect(url));
    expect(issue.code).toBe('connection.failed');
    expect(issue.hint).toContain('nothing is listening');
    expect(Date.now() - t0).toBeLessThan(5_000);
    expectNoSecret(issue.text, 'secret-pw', url);
  });

  it('a server that accepts but never answers is connection.timeout after connectTimeoutMs', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const t0 = Date.now();
      const issue = await issueOf(connect(`postgres://u:pw-123@127.0.0.1:${port}/db`, { connectTimeoutMs: 300 }));
      expect(issue.code).toBe('connection.timeout');
      expect(issue.message).toContain('timed out connecting');
      expect(Date.now() - t0).toBeLessThan(3_000);
    } finally {
      silent.close();
    }
  });

  it('a missing database is connection.failed naming the problem', async () => {
    const url = server.url.replace(/\/datacheck_test$/, '/no_such_db');
    const issue = await issueOf(connect(url));
    expect(issue.code).toBe('connection.failed');
    expect(issue.message).toContain('database "no_such_db" does not exist');
  });

  it('TLS set both in the URL and the config is refused instead of pg silently preferring the URL', async () => {
    const issue = await issueOf(connect(`${server.url}?sslmode=require`, { ssl: true }));
    expect(issue.code).toBe('connection.config');
    expect(issue.message).toContain('TLS is set twice, by sslmode in the URL and by ssl in the config');
  });

  it('an unreadable CA file is a config issue naming the option', async () => {
    const issue = await issueOf(connect(server.url, { ssl: { caFile: '/nonexistent/ca.pem' } }));
    expect(issue.code).toBe('connection.config');
    expect(issue.message).toContain('cannot read ssl.caFile /nonexistent/ca.pem');
  });

  it('timeouts must be positive whole milliseconds', async () => {
    const issue = await issueOf(connect(server.url, { statementTimeoutMs: 0 }));
    expect(issue.code).toBe('connection.config');
    expect(issue.message).toContain('statementTimeoutMs must be a positive whole number');
    expect(issue.found).toBe('0');
  });

  describe('locate', () => {
    let conn: SqlConnection;
    beforeAll(async () => {
      conn = await connect(server.url);
    });
    afterAll(() => conn.close());

    it('names tables the OpenLineage way: postgres://host:port and database.schema.table, no credentials', () => {
      const expected = { namespace: `postgres://127.0.0.1:${server.port}`, name: 'datacheck_test.analytics.orders' };
      expect(conn.locate({ kind: 'table', parts: ['analytics', 'orders'] })).toEqual(expected);
      expect(conn.locate({ kind: 'table', parts: ['datacheck_test', 'analytics', 'orders'] })).toEqual(expected);
    });

    it('fills in the current schema for an unqualified table', () => {
      expect(conn.locate({ kind: 'table', parts: ['orders'] })?.name).toBe('datacheck_test.public.orders');
    });

    it('a query has no dataset identity', () => {
      expect(conn.locate({ kind: 'query', sql: 'SELECT 1' })).toBeUndefined();
    });
  });

  it('a unix-socket URL (libpq style, the socket directory as ?host=) works', async () => {
    const url = `postgres:///${server.database}?host=${encodeURIComponent(server.baseDir)}&port=${server.port}&user=${server.reader.user}`;
    const conn = await connect(url);
    try {
      expect(await conn.query({ sql: 'SELECT inet_server_addr() AS addr', params: [] })).toEqual([{ addr: null }]);
      expect(conn.locate({ kind: 'table', parts: ['s', 't'] })).toEqual({
        namespace: `postgres://${server.baseDir}:${server.port}`,
        name: 'datacheck_test.s.t',
      });
    } finally {
      await conn.close();
    }
  });

  it('close() can be called twice, and a closed connection refuses queries with an issue', async () => {
    const conn = await connect(server.url);
    await conn.close();
    await conn.close();
    const issue = await issueOf(conn.query({ sql: 'SELECT 1', params: [] }));
    expect(issue.code).toBe('connection.failed');
  });
});
