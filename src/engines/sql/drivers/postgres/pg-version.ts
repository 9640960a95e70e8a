import type { TableFingerprint } from '../../../../model/result.js';
import type { SqlRelation } from '../../sql-connection.js';
import { tableFingerprint } from '../../table-fingerprint.js';
import { type CatalogRunner, findRelation } from './pg-describe.js';

// Catalog rows only, never the table's: pg_class for the storage, pg_stat_user_tables for the
// write counters (absent for views and foreign tables, which have no statistics).
const TABLE_STATISTICS_SQL = `
SELECT c.relkind::text AS relkind, c.relfilenode::text AS relfilenode, c.relpages, c.reltuples::float8 AS reltuples,
  s.n_tup_ins, s.n_tup_upd, s.n_tup_del, s.n_live_tup
FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_stat_user_tables s ON s.relid = c.oid
WHERE c.oid = $1::oid`;

const COUNTERS = ['relpages', 'reltuples', 'n_tup_ins', 'n_tup_upd', 'n_tup_del', 'n_live_tup'] as const;

/**
 * A PostgreSQL table's version, from the catalog. What changes it:
 * - every INSERT, UPDATE or DELETE (n_tup_ins/upd/del count rows written, also by transactions
 *   that rolled back, so a write undone still gives a new version);
 * - TRUNCATE, VACUUM FULL, CLUSTER (a new relfilenode); VACUUM and ANALYZE (relpages, reltuples);
 * - a statistics reset (pg_stat_reset(), a crash), though the data did not change.
 * The caveat: the counters reach the shared statistics asynchronously. In PostgreSQL 15 a
 * writing session flushes them when it goes idle after a transaction, at once if its previous
 * flush was over a second ago, else after the 10 s idle timeout (and at least every 60 s if it
 * never idles). Measured on PostgreSQL 15: 10.0 s for the first INSERT of a session that had
 * just connected, 7 ms for its next write 10 s later, 3 ms for TRUNCATE (pg_class is
 * transactional); see tests/engines/sql/drivers/postgres/table-version.test.ts. So a write
 * committed in the last 10 s may not show yet, and equal versions mean "no write the server has
 * counted", not a proof of equal bytes.
 * Views and foreign tables have no version: the catalog says nothing of their rows.
 */
export async function postgresTableVersion(
  run: CatalogRunner,
  relation: SqlRelation,
  name: string,
  where: string,
): Promise<TableFingerprint | undefined> {
  if (relation.kind !== 'table') return undefined;
  const oid = await findRelation(run, relation.parts, where);
  const { rows } = await run({ sql: TABLE_STATISTICS_SQL, params: [oid] });
  const row = rows[0];
  if (!row || row.relkind === 'v' || row.relkind === 'f') return undefined;
  const statistics: TableFingerprint['statistics'] = { relfilenode: String(row.relfilenode) };
  for (const key of COUNTERS) statistics[key] = row[key] === null || row[key] === undefined ? null : Number(row[key]);
  return tableFingerprint('postgres', name, statistics);
}
