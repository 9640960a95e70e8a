import { Field, RecordBatch, Schema, Struct, makeData } from 'apache-arrow';
import { ColumnAccumulator, type ExtraKind } from './column-accumulator.js';
import type { FileBatch, FormatOptions, FormatReader } from './format-reader.js';
import { jsonArrayRows, ndjsonRows, type JsonRow } from './json-rows.js';
import { inputError, openInput } from './open-input.js';
import type { ParseFailures } from './source.js';

type Seen = 'bool' | 'number' | 'string' | 'other';

function kindOf(v: unknown): Seen | undefined {
  if (v === null || v === undefined) return undefined;
  return typeof v === 'boolean' ? 'bool' : typeof v === 'number' ? 'number' : typeof v === 'string' ? 'string' : 'other';
}

/** A key the contract does not name keeps a simple type when all its values agree, else JSON text. */
function extraKind(seen: Set<Seen>): ExtraKind {
  if (seen.size !== 1) return seen.size === 0 ? 'utf8' : 'json-text';
  const [k] = seen;
  return k === 'bool' ? 'bool' : k === 'number' ? 'float64' : k === 'string' ? 'utf8' : 'json-text';
}

/**
 * JSON (a top-level array of objects) and NDJSON. A first pass collects the keys (in order of first
 * appearance) and the kinds of values of keys the contract does not type; the second pass builds
 * batches. `lines` holds the line each object starts on.
 */
export function jsonReader(opts: FormatOptions, layout: 'array' | 'lines'): FormatReader {
  const { file, gzip, contract, batchSize } = opts;
  let columns: Promise<ColumnAccumulator[]> | undefined;

  async function* rows(): AsyncIterable<JsonRow> {
    const input = openInput(file, gzip);
    try {
      yield* layout === 'lines' ? ndjsonRows(input, file.display) : jsonArrayRows(input, file.display);
    } catch (e) {
      throw inputError(e, file) ?? e;
    }
  }

  async function scan(): Promise<ColumnAccumulator[]> {
    const keys = new Map<string, Set<Seen>>();
    for await (const { value } of rows()) {
      for (const k in value) {
        let s = keys.get(k);
        if (!s) keys.set(k, (s = new Set()));
        if (!contract.columns[k]) {
          const kind = kindOf(value[k]);
          if (kind) s.add(kind);
        }
      }
    }
    return [...keys].map(([k, seen]) => new ColumnAccumulator(k, contract.columns[k]?.type, extraKind(seen)));
  }

  const accumulators = () => (columns ??= scan());

  return {
    async schema() {
      return new Schema((await accumulators()).map((a) => new Field(a.name, a.type, true)));
    },
    async *batches(rowOffset: number): AsyncIterable<FileBatch> {
      const accs = await accumulators();
      const schema = new Schema(accs.map((a) => new Field(a.name, a.type, true)));
      let lines = new Int32Array(batchSize);
      let n = 0;
      let row = rowOffset;
      const flush = (): FileBatch => {
        const failures: ParseFailures[] = [];
        const children = accs.map((a) => {
          const r = a.finish();
          if (r.failures) failures.push(r.failures);
          return r.data;
        });
        const out: FileBatch = {
          batch: new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: n, nullCount: 0, children })),
          lines: lines.subarray(0, n),
        };
        if (failures.length) out.parseFailures = failures;
        lines = new Int32Array(batchSize);
        n = 0;
        return out;
      };
      for await (const { value, line } of rows()) {
        for (const a of accs) a.pushJson(value[a.name], row, line);
        lines[n++] = line;
        row++;
        if (n === batchSize) yield flush();
      }
      if (n > 0) yield flush();
    },
  };
}
