import { compareKeys, keyText } from '../../../model/key-set.js';
import type { KeyPart, KeySetValue } from '../../../model/metric.js';
import { DatacheckError } from '../../../model/issue.js';
import type { Aggregator } from '../aggregator.js';
import { describeVec } from '../expr/coerce.js';
import { stringAt } from '../expr/vec.js';
import type { Vec } from '../expr/vec.js';

interface KeySetState {
  /** Each distinct key by its text; null once more than maxKeys were seen (truncated). */
  keys: Map<string, KeyPart[]> | null;
}

/** The value of row i, or undefined for null (and NaN, which equals no key). */
function partAt(v: Vec, i: number, column: string): KeyPart | undefined {
  switch (v.t) {
    case 'num':
      return (v.valid && v.valid[i] === 0) || v.v[i] !== v.v[i] ? undefined : v.v[i];
    case 'str':
      return stringAt(v, i) ?? undefined;
    case 'bool':
      return v.v[i] === 2 ? undefined : v.v[i] === 1;
    case 'const':
      if (v.value === null) return undefined;
      if (typeof v.value === 'string' || typeof v.value === 'number' || typeof v.value === 'boolean') return v.value;
  }
  throw new DatacheckError({
    code: 'metric.unsupported_type',
    message: `a key set of '${column}' needs a string, boolean or number column but found ${describeVec(v)}`,
    expected: 'a string, boolean or number column',
    found: describeVec(v),
  });
}

/**
 * The distinct keys of `columns` over rows where every part is non-null, for comparing with
 * another dataset's. Past `maxKeys` the map is dropped and later batches are skipped: the answer
 * is then `truncated`, never a partial set that would report keys as missing that are not.
 */
export const keySet = (columns: string[], maxKeys: number): Aggregator<KeySetState> => ({
  init: () => ({ keys: new Map() }),
  update(s, { columns: cols, mask, numRows }) {
    const keys = s.keys;
    if (!keys) return;
    const vecs = columns.map((c) => cols.get(c));
    rows: for (let i = 0; i < numRows; i++) {
      if (mask && mask[i] !== 1) continue;
      const parts: KeyPart[] = [];
      for (let c = 0; c < vecs.length; c++) {
        const part = partAt(vecs[c], i, columns[c]);
        if (part === undefined) continue rows;
        parts.push(part);
      }
      const text = keyText(parts);
      if (keys.has(text)) continue;
      keys.set(text, parts);
      if (keys.size > maxKeys) {
        s.keys = null;
        return;
      }
    }
  },
  merge(a, b) {
    if (!a.keys || !b.keys) return { keys: null };
    const keys = new Map(a.keys);
    for (const [text, parts] of b.keys) keys.set(text, parts);
    return { keys: keys.size > maxKeys ? null : keys };
  },
  result: (s): KeySetValue => (s.keys ? { keys: [...s.keys.values()].sort(compareKeys), truncated: false } : { keys: [], truncated: true }),
});
