import type { ApproxDistinctValue } from '../../../model/metric.js';
import type { Aggregator } from '../aggregator.js';
import { readKeys } from '../keys.js';
import {
  SEED_INDEX,
  SEED_RANK,
  hashString,
  hashWords,
  hllAdd,
  hllEstimate,
  hllInit,
  hllMerge,
  relativeStandardError,
} from '../sketches/hyperloglog.js';
import type { HllState } from '../sketches/hyperloglog.js';

/**
 * Distinct non-null values estimated with HyperLogLog (p = 14), in 16 KiB whatever the column
 * holds. Keys are read as the exact distinct count reads them (keys.ts): numbers by their 64-bit
 * pattern, strings by their text, so both count the same things.
 */
export const approxDistinctCount = (column: string): Aggregator<HllState> => ({
  init: () => hllInit(),
  update(s, { source, mask, numRows }) {
    const keep = (i: number) => !mask || mask[i] === 1;
    const keys = readKeys(source.batch, [column]);
    if (keys.kind === 'words') {
      const { words, valid } = keys;
      for (let i = 0; i < numRows; i++) {
        if (!keep(i) || (valid && valid[i] === 0)) continue;
        const lo = words[2 * i];
        const hi = words[2 * i + 1];
        hllAdd(s, hashWords(lo, hi, SEED_INDEX), hashWords(lo, hi, SEED_RANK));
      }
    } else if (keys.kind === 'dict') {
      const used = new Uint8Array(keys.dict.length);
      for (let i = 0; i < numRows; i++) if (keys.idx[i] >= 0 && keep(i)) used[keys.idx[i]] = 1;
      for (let k = 0; k < used.length; k++) if (used[k] && keys.dict[k] !== null) addText(s, JSON.stringify(keys.dict[k]));
    } else {
      for (let i = 0; i < numRows; i++) {
        const key = keys.keys[i];
        if (key !== null && keep(i)) addText(s, key);
      }
    }
  },
  merge: hllMerge,
  result: (s): ApproxDistinctValue => ({
    estimate: hllEstimate(s),
    approximation: { method: 'hll', p: s.p, relativeStandardError: relativeStandardError(s.p) },
  }),
});

const addText = (s: HllState, key: string) => hllAdd(s, hashString(key, SEED_INDEX), hashString(key, SEED_RANK));
