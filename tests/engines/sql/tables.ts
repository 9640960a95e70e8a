import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Bool, DateDay, Float64, Int64, TimestampMillisecond, Utf8, vectorFromArray } from 'apache-arrow';
import type { DataType, Vector } from 'apache-arrow';
import { DuckDBInstance } from '@duckdb/node-api';
import { computeMetrics } from '../../../src/engines/arrow/arrow-engine.js';
import { openDuckdbConnection } from '../../../src/engines/sql/drivers/duckdb-connection.js';
import { computeSqlMetrics } from '../../../src/engines/sql/sql-engine.js';
import type { SqlConnection } from '../../../src/engines/sql/sql-connection.js';
import type { MetricResults, PlannedMetric } from '../../../src/model/metric.js';
import { batchOf, contractDeclaring, sourceOf } from '../arrow/helpers.js';

/** A small table as plain data: column types and rows (dates/timestamps as ISO text). */
export type ColumnType = 'int' | 'float' | 'string' | 'bool' | 'date' | 'timestamp';
export interface TestTable {
  columns: Record<string, ColumnType>;
  rows: unknown[][];
}

/** An engine under test: computes metrics over a table. PostgreSQL joins as one more entry. */
export interface EngineUnderTest {
  name: string;
  compute(table: TestTable, metrics: PlannedMetric[], now: Date): Promise<MetricResults>;
  close?(): Promise<void>;
}

const ARROW_TYPES: Record<ColumnType, () => DataType> = {
  int: () => new Int64(),
  float: () => new Float64(),
  string: () => new Utf8(),
  bool: () => new Bool(),
  date: () => new DateDay(),
  timestamp: () => new TimestampMillisecond(),
};

function cell(v: unknown, type: ColumnType): unknown {
  if (v === null || v === undefined) return null;
  if (type === 'int') return BigInt(v as number);
  if (type === 'float' && typeof v === 'string') return Number(v); // 'NaN', 'Infinity' in JSON cases
  if (type === 'date' || type === 'timestamp') return new Date(v as string);
  return v;
}

export const arrowUnderTest: EngineUnderTest = {
  name: 'arrow',
  async compute(table, metrics, now) {
    const names = Object.keys(table.columns);
    const cols: Record<string, Vector> = {};
    names.forEach((name, i) => {
      cols[name] = vectorFromArray(table.rows.map((r) => cell(r[i], table.columns[name])) as never[], ARROW_TYPES[table.columns[name]]());
    });
    return computeMetrics(sourceOf([batchOf(cols)]), metrics, { contract: contractDeclaring(names), now }, { threads: 1 });
  },
};

const DUCK_TYPES: Record<ColumnType, string> = {
  int: 'BIGINT',
  float: 'DOUBLE',
  string: 'VARCHAR',
  bool: 'BOOLEAN',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
};
const quote = (id: string) => `"${id.replaceAll('"', '""')}"`;

/** Writes the table into a DuckDB database file (values bound, never spliced) and opens it READ_ONLY. */
export async function duckdbTableOf(table: TestTable, name = 't'): Promise<{ connection: SqlConnection; file: string }> {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'datacheck-sql-')), 'test.duckdb');
  const instance = await DuckDBInstance.create(file);
  const conn = await instance.connect();
  const names = Object.keys(table.columns);
  await conn.run(`CREATE TABLE ${quote(name)} (${names.map((n) => `${quote(n)} ${DUCK_TYPES[table.columns[n]]}`).join(', ')})`);
  if (table.rows.length > 0) {
    const placeholders = names.map((n, i) => `CAST($${i + 1} AS ${DUCK_TYPES[table.columns[n]]})`).join(', ');
    const insert = await conn.prepare(`INSERT INTO ${quote(name)} VALUES (${placeholders})`);
    for (const row of table.rows) {
      names.forEach((n, i) => {
        const v = row[i];
        if (v === null || v === undefined) insert.bindNull(i + 1);
        else if (table.columns[n] === 'float') insert.bindDouble(i + 1, Number(v));
        else if (table.columns[n] === 'int') insert.bindBigInt(i + 1, BigInt(v as number));
        else if (table.columns[n] === 'bool') insert.bindBoolean(i + 1, v as boolean);
        else insert.bindVarchar(i + 1, String(v));
      });
      await insert.run();
    }
  }
  conn.closeSync();
  instance.closeSync();
  return { connection: await openDuckdbConnection({ path: file, threads: 1 }), file };
}

export const duckdbUnderTest: EngineUnderTest = {
  name: 'duckdb',
  async compute(table, metrics, now) {
    const { connection } = await duckdbTableOf(table);
    try {
      return await computeSqlMetrics({ connection, relation: { kind: 'table', parts: ['t'] } }, metrics, now, {
        sampleColumns: Object.keys(table.columns),
      });
    } finally {
      await connection.close();
    }
  },
};
