import { keyText } from '../../model/key-set.js';
import type { KeyPart, KeySetValue, MetricSpec } from '../../model/metric.js';
import type { KeysMeasure } from '../../model/measure.js';
import type { Evaluation } from '../check-kind.js';
import { defineCheckKind } from '../check-kind.js';
import type { CheckKind } from '../check-kind.js';
import { MASK } from '../../evaluate/mask-pii.js';
import { readOrError } from '../read-or-error.js';

export interface KeysMatchParams {
  dataset: string;
  /** The other dataset's key columns, in the order of this one's (`def.columns`). */
  otherColumns: string[];
}

/**
 * Distinct keys each side may hold: both key sets are in memory while they are compared.
 * Measured (node --expose-gc, heapUsed after gc): 1,000,000 integer keys take 110 MB,
 * 1,000,000 e-mail-like keys 174 MB; past the limit the check ends `reconcile.too_many_keys`.
 */
export const KEYS_MAX = 1_000_000;

function specs(def: { columns?: string[]; params: KeysMatchParams }): [MetricSpec, MetricSpec] {
  return [
    { kind: 'key_set', columns: [...def.columns!], maxKeys: KEYS_MAX },
    {
      kind: 'dataset_metric',
      dataset: def.params.dataset,
      metric: { kind: 'key_set', columns: [...def.params.otherColumns], maxKeys: KEYS_MAX },
    },
  ];
}

/** The keys of `a` not in `b`: how many, and the first `size` (in key order). */
function difference(a: KeySetValue, b: Set<string>, size: number): { count: number; first: KeyPart[][] } {
  let count = 0;
  const first: KeyPart[][] = [];
  for (const k of a.keys) {
    if (b.has(keyText(k))) continue;
    count++;
    if (first.length < size) first.push(k);
  }
  return { count, first };
}

const named = (columns: string[], key: KeyPart[], masked: boolean) =>
  Object.fromEntries(columns.map((c, i) => [c, masked ? MASK : key[i]]));
const shown = (sample: Record<string, unknown>[]) =>
  sample.map((r) => (Object.keys(r).length === 1 ? JSON.stringify(Object.values(r)[0]) : JSON.stringify(r))).join(', ');

/**
 * Key sets that must match another dataset's: `t.keys('order_id').matchDataset('orders_raw', 'id')`.
 * Keys are the distinct values (tuples for compound keys) of rows whose every key column is non-null.
 * Missing: keys of the other dataset not here; extra: keys here not in the other. Passes when both
 * are 0. Each side's keys are gathered by its own engine (one GROUP BY in SQL, streamed from
 * files), then compared here; a few of each are kept (masked when a key column is pii on either side).
 */
export const keysMatch: CheckKind<KeysMatchParams> = defineCheckKind<KeysMatchParams>({
  kind: 'keys_match',
  scope: 'column',
  // The samples are values of the key columns; they are masked here, on either side's pii mark.
  observes: 'counts',
  acceptsWhere: false,
  metrics: (def) => specs(def),
  evaluate(def, m, ctx): Evaluation {
    const p = def.params;
    const columns = def.columns!;
    const [hereSpec, thereSpec] = specs(def);
    const a = readOrError<KeySetValue>(m, hereSpec, def.location);
    if (!a.ok) return a.error;
    const b = readOrError<KeySetValue>(m, thereSpec, def.location);
    if (!b.ok) return b.error;
    if (a.value.truncated || b.value.truncated) {
      const side = a.value.truncated ? `(${columns.join(', ')})` : `${p.dataset} (${p.otherColumns.join(', ')})`;
      const message = `${side} has more than ${KEYS_MAX} distinct keys: a key-set reconciliation holds both sets in memory`;
      return { outcome: 'error', message, issue: { code: 'reconcile.too_many_keys', message, location: def.location } };
    }
    const masked = b.value.pii === true || columns.some((c) => ctx.contract.columns[c]?.pii);
    const missing = difference(b.value, new Set(a.value.keys.map(keyText)), ctx.sampleSize);
    const extra = difference(a.value, new Set(b.value.keys.map(keyText)), ctx.sampleSize);
    const measure: KeysMeasure = {
      type: 'keys',
      columns: [...columns],
      other: { dataset: p.dataset, columns: [...p.otherColumns] },
      keys: a.value.keys.length,
      otherKeys: b.value.keys.length,
      missing: { count: missing.count, sample: missing.first.map((k) => named(p.otherColumns, k, masked)) },
      extra: { count: extra.count, sample: extra.first.map((k) => named(columns, k, masked)) },
    };
    const ok = missing.count === 0 && extra.count === 0;
    const parts = [
      ...(missing.count > 0
        ? [
            `${missing.count} of ${p.dataset}'s keys missing here (${shown(measure.missing.sample)}${missing.count > missing.first.length ? ', …' : ''})`,
          ]
        : []),
      ...(extra.count > 0
        ? [
            `${extra.count} extra key${extra.count === 1 ? '' : 's'} not in ${p.dataset} (${shown(measure.extra.sample)}${extra.count > extra.first.length ? ', …' : ''})`,
          ]
        : []),
    ];
    return {
      outcome: ok ? 'pass' : 'fail',
      observed: { keys: measure.keys, otherKeys: measure.otherKeys, missing: missing.count, extra: extra.count },
      expected: `the same keys as ${p.dataset} (${p.otherColumns.join(', ')})`,
      message: ok ? `${measure.keys} keys, the same as ${p.dataset}` : `${parts.join('; ')}`,
      measure,
    };
  },
  describe: (def) => `keys (${def.columns!.join(', ')}) match ${def.params.dataset} (${def.params.otherColumns.join(', ')})`,
});
