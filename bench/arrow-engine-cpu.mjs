// `node bench/arrow-engine-cpu.mjs [--runs N] [--profiles] [file.arrow]` (after `npm run build`):
// the Arrow engine alone, in this process, on one thread, over the bench's Arrow IPC file, with
// the metrics the CLI plans for bench/project (row count, null counts, min/max of the numeric
// columns, the not_null, unique, range, accepted-values and e-mail checks). Prints the CPU time
// of the main thread and of all threads (from /proc), best of N: on a shared machine CPU time,
// unlike wall time, hardly moves with the load, so two builds can be compared back to back.
// `--profiles` adds min/max of the string columns (the html report's column profiles).
import { open } from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { RecordBatchReader } from 'apache-arrow';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts, positionals } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, profiles: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const file = path.resolve(positionals[0] ?? path.join(root, 'bench/data/orders-5000000.arrow'));
const dist = (p) => import(pathToFileURL(path.join(root, 'dist/src', p)).href);
const { computeMetrics } = await dist('engines/arrow/arrow-engine.js');
const { parseExpr } = await dist('expr/parse-expr.js');
const { FORMAT_PATTERNS } = await dist('checks/formats.js');

const source = {
  description: file,
  async *batches() {
    const handle = await open(file, 'r');
    try {
      const reader = await RecordBatchReader.from(handle);
      await reader.open();
      let rowOffset = 0;
      for await (const batch of reader) {
        yield { batch, rowOffset };
        rowOffset += batch.numRows;
      }
    } finally {
      await handle.close();
    }
  },
};

const columns = ['order_id', 'customer_id', 'amount', 'status', 'email', 'ordered_at'];
const numeric = ['order_id', 'customer_id', 'amount', 'ordered_at'];
const failures = (column, text, extra = {}) => ({
  kind: 'predicate_failures',
  column,
  predicate: parseExpr(text),
  sampleSize: 10,
  ...extra,
});
const specs = [
  { kind: 'row_count' },
  ...columns.map((column) => ({ kind: 'null_count', column })),
  ...(opts.profiles ? columns : numeric).flatMap((column) => [
    { kind: 'min', column },
    { kind: 'max', column },
  ]),
  ...columns.map((column) => failures(column, `${column} is not null`, { includeNulls: true })),
  { kind: 'duplicate_count', columns: ['order_id'], sampleSize: 10 },
  failures('amount', 'amount between 0 and 10000'),
  failures('status', "status in ('placed', 'shipped', 'completed', 'returned')"),
  failures('email', `matches(email, '${FORMAT_PATTERNS.email}')`),
];
const metrics = specs.map((spec, i) => ({ key: `m${i}`, spec }));
const ctx = { contract: { columns: Object.fromEntries(columns.map((c) => [c, {}])) } };

/** CPU seconds of every thread of this process so far, and of the main one. */
function threadCpu() {
  let all = 0;
  let main = 0;
  for (const tid of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const s = (Number(f[11]) + Number(f[12])) / 100;
    all += s;
    if (Number(tid) === process.pid) main = s;
  }
  return { all, main };
}

let best;
for (let i = 0; i < Number(opts.runs); i++) {
  const before = threadCpu();
  const results = await computeMetrics(source, metrics, ctx, { threads: 1 });
  const after = threadCpu();
  const errors = [...results.values()].filter((r) => !r.ok);
  if (errors.length > 0) throw new Error(`metrics failed: ${JSON.stringify(errors[0])}`);
  const run = { main: after.main - before.main, all: after.all - before.all };
  if (!best || run.main < best.main) best = run;
}
const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
process.stdout.write(
  `arrow engine, ${metrics.length} metrics, 1 thread: CPU main thread ${best.main.toFixed(2)} s, all threads ${best.all.toFixed(2)} s (best of ${opts.runs}; load average ${load})\n`,
);
