import { describe, expect, it } from 'vitest';
import { parseExpr } from '../../../src/expr/parse-expr.js';
import { computeSqlMetrics } from '../../../src/engines/sql/sql-engine.js';
import type { MetricSpec } from '../../../src/model/metric.js';
import { metricKey } from '../../../src/plan/metric-key.js';
import { duckdbTableOf } from './tables.js';

const EVIL = 'x"; DROP TABLE t; --';
const TABLE = 't"; DROP TABLE t; --';
const UNI = 'prénom_名前';
const values = ["O'Brien", 'back\\slash', "'; DROP TABLE t; --", '"quoted"', '😀 emoji', "O'Brien"];

/** Identifiers are quoted by the dialect and values bound: nothing a user wrote can end a statement. */
describe('hostile names and values against DuckDB, for real', () => {
  it('counts right and leaves the table in place', async () => {
    const { connection } = await duckdbTableOf(
      { columns: { [EVIL]: 'string', [UNI]: 'int', "a'b\\c": 'float' }, rows: values.map((v, i) => [v, i, i / 2]) },
      TABLE,
    );
    const quoted = `"${EVIL.replaceAll('"', '""')}"`;
    const specs: Record<string, MetricSpec> = {
      rows: { kind: 'row_count' },
      obrien: { kind: 'value_count', column: EVIL, value: "O'Brien" },
      drop: { kind: 'row_count', where: parseExpr(`${quoted} = '''; DROP TABLE t; --'`) },
      backslash: { kind: 'row_count', where: parseExpr(`${quoted} in ('back\\slash', '"quoted"')`) },
      distinct: { kind: 'distinct_count', columns: [EVIL] },
      dups: { kind: 'duplicate_count', columns: [EVIL], sampleSize: 5 },
      max: { kind: 'max', column: UNI },
      sum: { kind: 'moments', column: "a'b\\c", where: parseExpr(`"${UNI}" >= 1`) },
      regex: { kind: 'predicate_failures', column: EVIL, predicate: parseExpr(`matches(${quoted}, '^[^;]*$')`), sampleSize: 5 },
    };
    const metrics = Object.values(specs).map((spec) => ({ key: metricKey(spec), spec }));
    const results = await computeSqlMetrics({ connection, relation: { kind: 'table', parts: [TABLE] } }, metrics, new Date());
    const value = (name: string) => {
      const r = results.get(metricKey(specs[name]));
      if (!r?.ok) throw new Error(`${name}: ${JSON.stringify(r)}`);
      return r.value;
    };
    expect(value('rows')).toBe(6);
    expect(value('obrien')).toBe(2);
    expect(value('drop')).toBe(1);
    expect(value('backslash')).toBe(2);
    expect(value('distinct')).toBe(5);
    expect(value('dups')).toEqual({
      considered: 6,
      failed: 2,
      // Duplicates are sampled as whole rows (every contract column), so a person can find them.
      sample: [
        { row: 1, values: { [EVIL]: "O'Brien", [UNI]: 0, "a'b\\c": 0 } },
        { row: 6, values: { [EVIL]: "O'Brien", [UNI]: 5, "a'b\\c": 2.5 } },
      ],
    });
    expect(value('max')).toBe(5);
    expect(value('sum')).toMatchObject({ count: 5, sum: 7.5 });
    expect(value('regex')).toMatchObject({
      considered: 6,
      failed: 1,
      sample: [{ row: 3, values: { [EVIL]: "'; DROP TABLE t; --", [UNI]: 2 } }],
    });
    // The table is still there, with every row.
    const after = await connection.query({ sql: `SELECT count(*) AS n FROM "${TABLE.replaceAll('"', '""')}"`, params: [] });
    expect(after).toEqual([{ n: 6 }]);
    await connection.close();
  });

  it('opens database files read-only: a write through the connection fails', async () => {
    const { connection } = await duckdbTableOf({ columns: { a: 'int' }, rows: [[1]] });
    await expect(connection.query({ sql: 'DROP TABLE t', params: [] })).rejects.toThrow(/read-only/i);
    expect(await connection.query({ sql: 'SELECT count(*) AS n FROM t', params: [] })).toEqual([{ n: 1 }]);
    await connection.close();
  });
});
