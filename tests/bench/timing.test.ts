import { describe, expect, it } from 'vitest';
import { loadBench } from './load-bench.js';

const { bestOf, bestOfInterleaved } = await loadBench('timing.js');

describe('best-of timing', () => {
  it('discards the warm-up runs and keeps the fastest timed run', async () => {
    const times = [1, 50, 30, 40];
    let i = 0;
    const r = await bestOf(async () => ({ ms: times[i++] }), { runs: 3, warmup: 1 });
    expect(r.all.map((x: { ms: number }) => x.ms)).toEqual([50, 30, 40]);
    expect(r.best.ms).toBe(30);
  });

  it('alternates contenders run by run so load from elsewhere hits both', async () => {
    const order: string[] = [];
    const make = (name: string, ms: number) => async () => {
      order.push(name);
      return { ms: ms + order.length };
    };
    const r = await bestOfInterleaved({ a: make('a', 0), b: make('b', 100) }, { runs: 2, warmup: 1 });
    expect(order).toEqual(['a', 'b', 'a', 'b', 'a', 'b']);
    expect(r.a.best.ms).toBe(3);
    expect(r.b.best.ms).toBe(104);
  });
});
