import { beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionDef } from '../../../../../src/model/config.js';
import { testPostgres, type PostgresServerInfo } from '../../../../support/postgres.js';
import { connect, issueOf } from './pg-test-connection.js';

// The test server has a self-signed certificate for 127.0.0.1 and accepts TLS and plain connections.
describe('TLS to PostgreSQL', () => {
  let server: PostgresServerInfo;
  beforeAll(async () => {
    server = await testPostgres();
  });

  /** Whether the connection opened with these settings is encrypted, as the server sees it. */
  async function encrypted(url: string, extra: Partial<ConnectionDef> = {}): Promise<boolean> {
    const conn = await connect(url, extra);
    try {
      const rows = await conn.query({ sql: 'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()', params: [] });
      return rows[0].ssl as boolean;
    } finally {
      await conn.close();
    }
  }

  it('without TLS settings the connection is plain', async () => {
    expect(await encrypted(server.url)).toBe(false);
  });

  it('ssl.caFile verifies the server against that CA', async () => {
    expect(await encrypted(server.url, { ssl: { caFile: server.tlsCertFile } })).toBe(true);
  });

  it('ssl: true verifies against the system CAs, so a self-signed server is refused with a TLS hint', async () => {
    const issue = await issueOf(connect(server.url, { ssl: true }));
    expect(issue.code).toBe('connection.failed');
    expect(issue.message).toContain('self-signed certificate');
    expect(issue.hint).toContain('TLS settings');
  });

  it('a certificate for another name is refused', async () => {
    const issue = await issueOf(connect(server.url, { ssl: { caFile: server.tlsCertFile, servername: 'db.example.com' } }));
    expect(issue.code).toBe('connection.failed');
    expect(issue.message).toMatch(/altnames|does not match/i);
  });

  it('rejectUnauthorized: false encrypts without verifying (testing only)', async () => {
    expect(await encrypted(server.url, { ssl: { rejectUnauthorized: false } })).toBe(true);
  });

  it('sslmode=verify-full with sslrootcert in the URL works too', async () => {
    expect(await encrypted(`${server.url}?sslmode=verify-full&sslrootcert=${encodeURIComponent(server.tlsCertFile)}`)).toBe(true);
  });
});
