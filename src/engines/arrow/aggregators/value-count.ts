import type { Scalar } from '../../../model/contract.js';
import type { Expr } from '../../../model/expr.js';
import type { Aggregator } from '../aggregator.js';

/** Rows (passing `where`) whose column equals `value`; nulls never equal anything. */
export const valueCount = (column: string, value: Scalar): Aggregator<{ n: number }> => {
  const literal = typeof value === 'bigint' ? (Number.isSafeInteger(Number(value)) ? Number(value) : value.toString()) : value;
  const predicate: Expr = { op: 'cmp', cmp: '=', left: { op: 'col', name: column }, right: { op: 'lit', value: literal } };
  return {
    init: () => ({ n: 0 }),
    update(s, input) {
      const p = input.predicate(predicate);
      const { mask, numRows } = input;
      for (let i = 0; i < numRows; i++) if (p[i] === 1 && (!mask || mask[i] === 1)) s.n++;
    },
    merge: (a, b) => ({ n: a.n + b.n }),
    result: (s) => s.n,
  };
};
