import { Field, RecordBatch, Schema, Struct, makeData } from 'apache-arrow';
import type { ArqueroTableLike, ContractDef, InMemoryData } from '../model/contract.js';
import { ColumnAccumulator, type ExtraKind } from './column-accumulator.js';
import { classifyInMemory, describeInMemory } from './in-memory-data.js';
import type { OpenSourceContext, OpenedSource, ParseFailures, SourceBatch } from './source.js';
import { sourceError } from './source-error.js';
import { emptyBatch } from './union-schema.js';

const DEFAULT_BATCH_SIZE = 65_536;

/** One column of JavaScript values: its name and the value of row i. */
interface ValueColumn {
  name: string;
  at: (i: number) => unknown;
}

/**
 * Opens data the program holds in memory as Arrow batches for the Arrow engine, without writing a
 * file. An Arrow `Table` is streamed batch by batch as it is (typed by its own schema, like an Arrow
 * file). Row objects and arquero columns hold JavaScript values, so they are typed by the contract
 * like a JSON file: a value of the wrong type is a parse failure the column's type check reports
 * with its row, and undeclared columns keep a simple type when their values agree.
 */
export function openInMemory(data: InMemoryData, ctx: OpenSourceContext): OpenedSource {
  const input = classifyInMemory(data, ctx.contract.name);
  const description = describeInMemory(data);
  if (input.kind === 'arrow') {
    const table = input.table;
    return {
      description,
      async *batches(): AsyncIterable<SourceBatch> {
        let rowOffset = 0;
        for (const b of table.batches as RecordBatch[]) {
          if (b.numRows === 0) continue;
          yield { batch: b, rowOffset };
          rowOffset += b.numRows;
        }
        if (rowOffset === 0) yield { batch: emptyBatch(table.schema as Schema), rowOffset: 0 };
      },
    };
  }
  const { columns, rows } = input.kind === 'rows' ? rowColumns(input.rows, ctx.contract.name) : arqueroColumns(input.table);
  const batchSize = ctx.batchSize ?? DEFAULT_BATCH_SIZE;
  return { description, batches: () => valueBatches(columns, rows, ctx.contract, batchSize) };
}

/** Row objects as columns, named in order of first appearance; a row that is not an object is refused with its index. */
function rowColumns(rows: readonly object[], dataset: string): { columns: ValueColumn[]; rows: number } {
  const names = new Set<string>();
  rows.forEach((row, i) => {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      throw sourceError('memory.not_object', dataset, `row ${i + 1} (index ${i}) of the in-memory data is not an object`, {
        expected: 'an object like { column: value }',
        found: row === null ? 'null' : Array.isArray(row) ? 'an array' : typeof row,
      });
    }
    for (const k of Object.keys(row)) names.add(k);
  });
  const get = rows as readonly Record<string, unknown>[];
  return { columns: [...names].map((name) => ({ name, at: (i: number) => get[i][name] })), rows: rows.length };
}

/** An arquero table's columns as arrays (its filter and order applied), read once. */
function arqueroColumns(table: ArqueroTableLike): { columns: ValueColumn[]; rows: number } {
  const columns = table.columnNames().map((name) => {
    const values = table.array(name);
    return { name, at: (i: number) => values[i] };
  });
  return { columns, rows: table.numRows() };
}

type Seen = 'bool' | 'number' | 'string' | 'other';

/** An undeclared column is a bool, float64 or string column when all its values agree, else JSON text. */
function extraKind(column: ValueColumn, rows: number): ExtraKind {
  const seen = new Set<Seen>();
  for (let i = 0; i < rows && seen.size < 2; i++) {
    const v = column.at(i);
    if (v === null || v === undefined) continue;
    seen.add(typeof v === 'boolean' ? 'bool' : typeof v === 'number' ? 'number' : typeof v === 'string' ? 'string' : 'other');
  }
  if (seen.size !== 1) return seen.size === 0 ? 'utf8' : 'json-text';
  const [k] = seen;
  return k === 'bool' ? 'bool' : k === 'number' ? 'float64' : k === 'string' ? 'utf8' : 'json-text';
}

async function* valueBatches(columns: ValueColumn[], rows: number, contract: ContractDef, batchSize: number): AsyncIterable<SourceBatch> {
  const accs = columns.map((c) => {
    const declared = contract.columns[c.name]?.type;
    return new ColumnAccumulator(c.name, declared, declared ? 'utf8' : extraKind(c, rows));
  });
  const schema = new Schema(accs.map((a) => new Field(a.name, a.type, true)));
  for (let start = 0; start < rows || start === 0; start += batchSize) {
    const end = Math.min(rows, start + batchSize);
    const failures: ParseFailures[] = [];
    const children = accs.map((a, c) => {
      const column = columns[c];
      for (let i = start; i < end; i++) a.pushValue(column.at(i), i);
      const r = a.finish();
      if (r.failures) failures.push(r.failures);
      return r.data;
    });
    const batch = new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: end - start, nullCount: 0, children }));
    yield { batch, rowOffset: start, ...(failures.length > 0 && { parseFailures: failures }) };
    if (end >= rows) break;
  }
}
