// Exact versus approximate distinct counts and quantiles on the Arrow engine, one thread:
// `node --expose-gc bench/approximate.js` (after `npm run build`). 2,000,000 rows, all values distinct:
// strings (`customer-<i>@example.com`) and float64 numbers. Prints time and the memory the
// states hold, and each estimate's error beside the bound its result states.
import { Float64, Utf8, makeTable, vectorFromArray } from 'apache-arrow';
import { aggregatorFor } from '../dist/src/engines/arrow/aggregators/index.js';
import { BatchColumns } from '../dist/src/engines/arrow/expr/evaluate.js';

const N = 2_000_000;
const order = Array.from({ length: N }, (_, i) => (i * 7_919 + 13) % N);
const table = makeTable({
  s: vectorFromArray(
    order.map((i) => `customer-${i}@example.com`),
    new Utf8(),
  ),
  x: vectorFromArray(
    order.map((i) => i * 1.5 + 1),
    new Float64(),
  ),
});

/** Heap plus ArrayBuffers (typed-array states live there), after a collection when --expose-gc. */
const memory = () => {
  globalThis.gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

function measure(spec) {
  const heap = memory();
  const started = performance.now();
  const agg = aggregatorFor(spec);
  const state = agg.init();
  for (const batch of table.batches) {
    const columns = new BatchColumns(batch);
    agg.update(state, { source: { batch, rowOffset: 0 }, columns, mask: null, numRows: batch.numRows, predicate: () => null, eval: {} });
  }
  const updated = performance.now() - started;
  const grown = memory() - heap; // the state is still alive here (the collection is not timed)
  const resulted = performance.now();
  const value = agg.result(state);
  return { ms: Math.round(updated + performance.now() - resulted), heapMiB: Math.max(0, Math.round(grown / 2 ** 20)), value };
}

const rows = [
  ['exact distinct (strings)', { kind: 'distinct_count', columns: ['s'] }],
  ['HLL distinct (strings)', { kind: 'approx_distinct_count', column: 's' }],
  ['exact distinct (numbers)', { kind: 'distinct_count', columns: ['x'] }],
  ['HLL distinct (numbers)', { kind: 'approx_distinct_count', column: 'x' }],
  ['exact median (numbers)', { kind: 'quantiles', column: 'x', probs: [0.5] }],
  ['DDSketch median (numbers)', { kind: 'approx_quantiles', column: 'x', probs: [0.5] }],
];
for (const [label, spec] of rows) {
  const { ms, heapMiB, value } = measure(spec);
  const shown = typeof value === 'number' ? value : JSON.stringify(value);
  console.log(`${label.padEnd(28)} ${String(ms).padStart(6)} ms  heap +${String(heapMiB).padStart(4)} MiB  ${shown}`);
}
console.log(`truth: ${N} distinct; exact median ${((N - 1) / 2) * 1.5 + 1}`);
