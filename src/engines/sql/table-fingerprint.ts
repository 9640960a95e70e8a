import { createHash } from 'node:crypto';
import type { TableFingerprint } from '../../model/result.js';

/**
 * A table's fingerprint from the catalog values a driver read: the version is the SHA-256 of the
 * engine, the table's name and each statistic in a fixed order, so equal catalogs give equal versions.
 */
export function tableFingerprint(
  engine: TableFingerprint['engine'],
  table: string,
  statistics: TableFingerprint['statistics'],
): TableFingerprint {
  const hash = createHash('sha256').update(`${engine}\0${table}\n`);
  for (const key of Object.keys(statistics).sort()) hash.update(`${key}\0${String(statistics[key])}\n`);
  return { method: 'table', version: hash.digest('hex'), engine, table, statistics };
}
