import { DataType, Field, RecordBatch, Schema, Struct, makeBuilder, makeData, type Data } from 'apache-arrow';
import { sourceError } from './source-error.js';

/**
 * The union of several files' columns by name, in order of first appearance. The same column with
 * different types in two files is an error naming both files: guessing a common type would hide
 * a broken export.
 */
export function unionSchemas(schemas: { file: string; schema: Schema }[]): Schema {
  const fields = new Map<string, { field: Field; file: string }>();
  for (const { file, schema } of schemas) {
    for (const f of schema.fields) {
      const prev = fields.get(f.name);
      if (!prev || DataType.isNull(prev.field.type)) {
        fields.set(f.name, { field: new Field(f.name, f.type, true, f.metadata), file });
      } else if (!DataType.isNull(f.type) && String(prev.field.type) !== String(f.type)) {
        throw sourceError('source.schema_conflict', file, `column '${f.name}' is ${f.type} here but ${prev.field.type} in ${prev.file}`, {
          expected: `${prev.field.type} (as in ${prev.file})`,
          found: String(f.type),
          hint: 'files read as one dataset must agree on column types',
        });
      }
    }
  }
  return new Schema([...fields.values()].map((v) => v.field));
}

function allNull(type: DataType, length: number): Data {
  const b = makeBuilder({ type, nullValues: [null] });
  for (let i = 0; i < length; i++) b.append(null);
  return b.finish().flush();
}

/** Reorders a batch's columns to the union schema, filling columns the file lacks with nulls. */
export function conformBatch(batch: RecordBatch, target: Schema): RecordBatch {
  const own = batch.schema.fields;
  const same =
    own.length === target.fields.length &&
    own.every((f, i) => f.name === target.fields[i].name && String(f.type) === String(target.fields[i].type));
  if (same) return batch;
  const children = target.fields.map((f) => {
    const i = own.findIndex((o) => o.name === f.name);
    if (i < 0 || DataType.isNull(own[i].type)) return allNull(f.type, batch.numRows);
    return batch.data.children[i];
  });
  return new RecordBatch(target, makeData({ type: new Struct(target.fields), length: batch.numRows, nullCount: 0, children }));
}

/** A 0-row batch with the given schema. */
export function emptyBatch(schema: Schema): RecordBatch {
  const children = schema.fields.map((f) => allNull(f.type, 0));
  return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: 0, nullCount: 0, children }));
}
