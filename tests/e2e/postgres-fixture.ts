import { adminQuery, quoteIdent as q } from '../support/postgres.js';

/**
 * A PostgreSQL schema built to break any code that splices names or values into SQL: a schema
 * with a space, a table whose name holds a quote, a column named like an injection, unicode and
 * emoji identifiers, values with quotes, backslashes, LIKE wildcards, a `$1` and a tab. A canary
 * table `t` is what every injected `DROP TABLE t` would hit.
 */
export const SCHEMA = 'hostile e2e';
export const ORDERS = `ord"ers'; DROP TABLE t; --`;
export const CUSTOMERS = 'cüstomers 🐘';
export const EVIL = 'x"; DROP TABLE t; --';
export const UNI = 'ünïcødé';
export const EMAIL = '📧 email';

/** Values the `oneOf` check allows (all hostile to naive quoting). */
export const ALLOWED = [`it's`, `back\\slash`, `100%_off`, `$1`] as const;
/** pii values: none may appear in any report, even inside failing rows. */
export const PII = ['alice.secret@example.com', 'bob.hidden@example.com', 'NOT-AN-EMAIL-carol-secret'];

// id, EVIL, UNI (a customer id), EMAIL
const ORDER_ROWS: [number, string, number | null, string][] = [
  [1, `it's`, 1, PII[0]],
  [2, `back\\slash`, 2, PII[1]],
  [3, `100%_off`, 9, PII[0]],
  [4, `$1`, null, PII[1]],
  [5, `tab\there`, 3, PII[2]],
  [6, `it's`, 8, PII[0]],
  [7, `E'\\x41'`, 1, PII[1]],
];

export const orders = `${q(SCHEMA)}.${q(ORDERS)}`;
const customers = `${q(SCHEMA)}.${q(CUSTOMERS)}`;

/** Creates the schema afresh as the fixture superuser; values are bound, never spliced. */
export async function createHostileSchema(): Promise<void> {
  await adminQuery(`DROP SCHEMA IF EXISTS ${q(SCHEMA)} CASCADE`);
  await adminQuery(`CREATE SCHEMA ${q(SCHEMA)}`);
  await adminQuery(`CREATE TABLE ${q(SCHEMA)}.t (ok int); INSERT INTO ${q(SCHEMA)}.t VALUES (1)`);
  await adminQuery(`CREATE TABLE ${customers} (${q(UNI)} int PRIMARY KEY)`);
  await adminQuery(`INSERT INTO ${customers} VALUES (1), (2), (3)`);
  await adminQuery(`CREATE TABLE ${orders} (id int NOT NULL, ${q(EVIL)} text NOT NULL, ${q(UNI)} int, ${q(EMAIL)} text NOT NULL)`);
  const params = ORDER_ROWS.flat();
  const tuples = ORDER_ROWS.map((_, i) => `($${i * 4 + 1}::int, $${i * 4 + 2}::text, $${i * 4 + 3}::int, $${i * 4 + 4}::text)`);
  await adminQuery(`INSERT INTO ${orders} VALUES ${tuples.join(', ')}`, params);
}

/** Row counts of every table: an injection that dropped or emptied one shows here. */
export async function tableCounts(): Promise<Record<string, number>> {
  const count = async (rel: string) => (await adminQuery(`SELECT count(*)::int AS n FROM ${rel}`)).rows[0].n as number;
  return { canary: await count(`${q(SCHEMA)}.t`), customers: await count(customers), orders: await count(orders) };
}

export const EXPECTED_COUNTS = { canary: 1, customers: 3, orders: ORDER_ROWS.length };

/** The where filter the suite uses: a quoted identifier and a string with a quote, in datacheck's expression language. */
export const WHERE_ITS = `"${EVIL.replaceAll('"', '""')}" = 'it''s'`;
