import type { Aggregator } from '../aggregator.js';
import { BigSet } from '../big-collections.js';
import { Int64Table } from '../hash-table.js';
import { readKeys } from '../keys.js';

interface DistinctState {
  words: Int64Table;
  text: BigSet<string>;
}

/**
 * Exact count of distinct non-null keys (one or several columns; a key with a null part is not
 * counted). Numbers hash their 64-bit pattern; dictionary strings visit each used entry once.
 */
export const distinctCount = (columns: string[]): Aggregator<DistinctState> => ({
  init: () => ({ words: new Int64Table(), text: new BigSet() }),
  update(s, { source, mask, numRows }) {
    const keys = readKeys(source.batch, columns);
    if (keys.kind === 'words') {
      const { words, valid } = keys;
      for (let i = 0; i < numRows; i++) {
        if ((mask && mask[i] !== 1) || (valid && valid[i] === 0)) continue;
        s.words.add(words[2 * i], words[2 * i + 1], 0);
      }
    } else if (keys.kind === 'dict') {
      const used = new Uint8Array(keys.dict.length);
      for (let i = 0; i < numRows; i++) if (keys.idx[i] >= 0 && (!mask || mask[i] === 1)) used[keys.idx[i]] = 1;
      for (let k = 0; k < used.length; k++) if (used[k] && keys.dict[k] !== null) s.text.add(JSON.stringify(keys.dict[k]));
    } else {
      for (let i = 0; i < numRows; i++) {
        const key = keys.keys[i];
        if (key !== null && (!mask || mask[i] === 1)) s.text.add(key);
      }
    }
  },
  merge(a, b) {
    const words = new Int64Table(a.words.size + b.words.size);
    a.words.forEach((lo, hi) => words.add(lo, hi, 0));
    b.words.forEach((lo, hi) => words.add(lo, hi, 0));
    const text = new BigSet(a.text);
    for (const k of b.text) text.add(k);
    return { words, text };
  },
  result: (s) => s.words.size + s.text.size,
  revive: (s) => ({ words: Object.setPrototypeOf(s.words, Int64Table.prototype) as Int64Table, text: BigSet.revive(s.text) }),
});
