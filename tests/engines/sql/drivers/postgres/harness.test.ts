import { existsSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { findPostgresBinaries } from '../../../../support/postgres-binaries.js';
import { startPostgres, stopPostgresAtSync } from '../../../../support/postgres-server.js';
import { adminQuery, testPostgres } from '../../../../support/postgres.js';

describe('the PostgreSQL test harness', () => {
  it('gives a running server with a superuser for fixtures', async () => {
    const pg = await testPostgres();
    const r = await adminQuery('select current_database() as db, current_user as u');
    expect(r.rows[0]).toEqual({ db: pg.database, u: pg.admin.user });
  });
});

describe('finding the PostgreSQL binaries', () => {
  it('missing binaries are an error that says how to install them (the tests fail, never skip)', () => {
    expect(() => findPostgresBinaries({ DATACHECK_PG_BIN: '/nonexistent' })).toThrow(
      /PostgreSQL server binaries \(initdb, pg_ctl\) were not found.*apt-get install -y postgresql/,
    );
  });

  it('DATACHECK_PG_BIN names the directory to use', () => {
    const { binDir } = findPostgresBinaries();
    expect(findPostgresBinaries({ DATACHECK_PG_BIN: binDir }).binDir).toBe(binDir);
  });
});

describe('the read-only role datacheck connects as', () => {
  it('reads every table but cannot write, even outside datacheck', async () => {
    const { url } = await testPostgres();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await expect(client.query('CREATE TABLE public.nope (x int)')).rejects.toThrow(/permission denied/);
    } finally {
      await client.end();
    }
  });
});

describe('startPostgres on its own (outside the shared server)', () => {
  it('starts a second independent server and the synchronous stop leaves nothing behind', async () => {
    const server = await startPostgres();
    const client = new pg.Client({ connectionString: server.adminUrl });
    await client.connect();
    expect((await client.query('SELECT current_database() AS db')).rows).toEqual([{ db: server.database }]);
    await client.end();
    stopPostgresAtSync(server.baseDir);
    expect(existsSync(server.baseDir)).toBe(false);
    await expect(new pg.Client({ connectionString: server.adminUrl }).connect()).rejects.toThrow(/ECONNREFUSED/);
  });
});
