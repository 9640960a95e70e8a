import type { ArqueroTableLike, ArrowTableLike, InMemoryData } from '../model/contract.js';
import { sourceError } from './source-error.js';

/** The three shapes of in-memory data, told apart by shape (no table library is imported to ask). */
export type InMemoryKind =
  | { kind: 'rows'; rows: readonly object[] }
  | { kind: 'arrow'; table: ArrowTableLike }
  | { kind: 'arquero'; table: ArqueroTableLike };

/**
 * Which in-memory data this is. An arquero table is recognised by its methods (`columnNames`,
 * `numRows`, `array`, `toArrow`), an Arrow `Table` by its `schema.fields`, `batches`,
 * `numRows` and `getChild`; anything else is refused with what was expected, never read as an empty dataset.
 */
export function classifyInMemory(data: unknown, dataset: string): InMemoryKind {
  if (Array.isArray(data)) return { kind: 'rows', rows: data };
  const d = data as Record<string, unknown> | null;
  if (d && typeof d === 'object') {
    if (['columnNames', 'numRows', 'array', 'toArrow'].every((m) => typeof d[m] === 'function')) {
      return { kind: 'arquero', table: d as unknown as ArqueroTableLike };
    }
    const schema = d.schema as { fields?: unknown } | undefined;
    // getChild: an object copied from a table (a spread, a message) keeps its fields, not its methods.
    if (Array.isArray(schema?.fields) && Array.isArray(d.batches) && typeof d.numRows === 'number' && typeof d.getChild === 'function') {
      return { kind: 'arrow', table: d as unknown as ArrowTableLike };
    }
  }
  throw sourceError(
    'memory.unsupported',
    dataset,
    'in-memory data must be an array of row objects, an Apache Arrow Table or an arquero table',
    {
      expected: 'source: { data: rows | arrowTable | arqueroTable }',
      found: describeValue(data),
      hint: 'a table that crossed a worker or JSON lost its methods: pass the table object itself',
    },
  );
}

/** `in-memory rows (3)`, `in-memory Arrow table (3 rows)`, `in-memory arquero table (3 rows)`. */
export function describeInMemory(data: InMemoryData): string {
  try {
    const k = classifyInMemory(data, 'data');
    if (k.kind === 'rows') return `in-memory rows (${k.rows.length})`;
    const rows = k.kind === 'arrow' ? k.table.numRows : k.table.numRows();
    return `in-memory ${k.kind === 'arrow' ? 'Arrow' : 'arquero'} table (${rows} rows)`;
  } catch {
    return 'in-memory data';
  }
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v !== 'object') return typeof v;
  const name = (v as object).constructor?.name;
  return name && name !== 'Object' ? `a ${name}` : `an object with keys ${Object.keys(v).slice(0, 5).join(', ') || '(none)'}`;
}
