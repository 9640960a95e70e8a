import { computeMetrics } from '../../src/engines/arrow/arrow-engine.js';
import type { ContractDef, LogicalType } from '../../src/model/contract.js';
import { openInMemory } from '../../src/sources/in-memory-source.js';
import type { ColumnType, EngineUnderTest } from '../engines/sql/tables.js';

const LOGICAL: Record<ColumnType, LogicalType> = {
  int: { type: 'int', bits: 64, signed: true },
  float: { type: 'float', bits: 64 },
  string: { type: 'string' },
  bool: { type: 'bool' },
  date: { type: 'date' },
  timestamp: { type: 'timestamp', unit: 'ms' },
};

/** A case's cell as a program would hold it (what `RowOf` promises): bigint, number, Date. */
function jsValue(v: unknown, type: ColumnType): unknown {
  if (v === null || v === undefined) return null;
  if (type === 'int') return BigInt(v as number);
  if (type === 'float' && typeof v === 'string') return Number(v); // 'NaN', 'Infinity' in JSON cases
  if (type === 'date' || type === 'timestamp') return new Date(v as string);
  return v;
}

/**
 * The Arrow engine over the same table given as an array of row objects (`source: { data: rows }`):
 * the rows are typed by a contract declaring the case's column types and cut into batches of 3, so
 * the in-memory reader and batch merging must give the answers the other engines give.
 */
export const inMemoryRowsUnderTest: EngineUnderTest = {
  name: 'rows',
  async compute(table, metrics, now) {
    const names = Object.keys(table.columns);
    const contract: ContractDef = {
      kind: 'contract',
      name: 't',
      columns: Object.fromEntries(names.map((n) => [n, { type: LOGICAL[table.columns[n]], nullable: true }])),
      location: { file: 'x', line: 1, column: 1 },
    };
    const rows = table.rows.map((r) => Object.fromEntries(names.map((n, i) => [n, jsValue(r[i], table.columns[n])])));
    const source = openInMemory(rows, { contract, baseDir: '/', batchSize: 3 });
    return computeMetrics(source, metrics, { contract, now }, { threads: 1 });
  },
};
