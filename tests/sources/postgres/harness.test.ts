import { describe, expect, it } from 'vitest';
import { adminQuery, testPostgres } from '../../support/postgres.js';

describe('the PostgreSQL test harness', () => {
  it('gives a running server with a superuser for fixtures', async () => {
    const pg = await testPostgres();
    const r = await adminQuery('select current_database() as db, current_user as u');
    expect(r.rows[0]).toEqual({ db: pg.database, u: pg.admin.user });
  });
});
