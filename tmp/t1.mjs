import { DuckDBInstance } from '@duckdb/node-api';
const inst = await DuckDBInstance.create(':memory:');
const c = await inst.connect();
const r = await c.runAndReadAll(`select 1::bigint a, 2.5::decimal(10,2) b, 'x' s, date '2024-01-02' d, timestamp '2024-01-02 03:04:05.123456' ts, timestamptz '2024-01-02 03:04:05+00' tz, 'nan'::double n, 12345678901234567890::hugeint h, true bo, null nu, [1,2] l, {'a':1} st, $1::varchar p, count(*) filter (where true) c2`, ['hi']);
console.log(r.columnNames(), r.getRows());
for (const v of r.getRows()[0]) console.log(typeof v, v?.constructor?.name, String(v));
console.log(r.columnTypes().map(t=>t.typeId + ':' + t.toString()));
const x = await c.runAndReadAll(`select regexp_matches('abc', $1), length('😀'), '😀' < '\uE000'`, ['^a']); console.log(x.getRows());
