// Peak RSS of datacheck's run per input at the table's size and at `scale` times it, side by side:
// which inputs stream (the peak stays flat as the data grows) and which hold data in memory.
// `node bench/run.js --scale 4` (5M and 20M rows; generating 20M takes minutes), or this file's
// functions on small tables (tests/bench/memory-scale.test.ts).
import path from 'node:path';
import { PROJECT_DIR } from './config.js';
import { runDatacheckCli } from './datacheck-run.js';
import { ensureData } from './generate.js';
import { ensureCsv, ensureDuckdbTable } from './sql-inputs.js';

/** The inputs run without a server: the Arrow engine on the IPC file, and DuckDB on the other three. */
export const SCALE_INPUTS = ['arrow-ipc', 'parquet', 'csv', 'duckdb-table'];

/** A peak at most this much above the 1x peak counts as flat (allocator and page-cache noise). */
export const FLAT_TOLERANCE = 1.25;

/** The CLI's environment that points the bench contract at one input of a generated table. */
function inputEnv(name, paths, csv, duckdbFile) {
  const rel = (p) => path.relative(PROJECT_DIR, p);
  if (name === 'arrow-ipc') return { DATACHECK_BENCH_ARROW: rel(paths.arrow) };
  if (name === 'parquet') return { DATACHECK_BENCH_SOURCE: rel(paths.parquet) };
  if (name === 'csv') return { DATACHECK_BENCH_SOURCE: rel(csv) };
  if (name === 'duckdb-table')
    return { DATACHECK_BENCH_TABLE: 'orders', DATACHECK_BENCH_CONNECTION: 'wh', DATACHECK_BENCH_DUCKDB: rel(duckdbFile) };
  throw new Error(`not an input of the memory comparison: ${name} (one of ${SCALE_INPUTS.join(', ')})`);
}

/**
 * The two suites compared: `full` is the bench contract (with the unique key, whose duplicate
 * detection holds every key), `streaming` the same without the key (not null, ranges, oneOf, the
 * email pattern, counts), which must stay flat as the table grows.
 */
export const SCALE_SUITES = ['full', 'streaming'];

/** Peak RSS (bytes) of one datacheck run per input on a table of `rows` rows (generated once into `dir`). */
export async function peakRssByInput({ dir, rows, inputs = SCALE_INPUTS, suite = 'full', batchRows, cliPath, log = () => {} }) {
  const data = await ensureData({ dir, rows, ...(batchRows && { batchRows }), log });
  const needs = (n) => inputs.includes(n);
  const csv = needs('csv') ? await ensureCsv(data.paths.parquet, log) : undefined;
  const duckdbFile = needs('duckdb-table') ? await ensureDuckdbTable(data.paths.parquet, log) : undefined;
  const peaks = {};
  for (const name of inputs) {
    const env = { ...inputEnv(name, data.paths, csv, duckdbFile), DATACHECK_BENCH_SUITE: suite };
    const run = await runDatacheckCli({ env, ...(cliPath && { cliPath }) });
    peaks[name] = run.peakRssBytes;
  }
  return peaks;
}

/** The side-by-side lines: input, peak at 1x, peak at Nx, their ratio, flat or grows. */
export function formatScale({ rows, scale, small, large, suite = 'full' }) {
  const mib = (b) => `${(b / 2 ** 20).toFixed(0)} MiB`;
  const lines = [
    `peak RSS by input, ${suite} suite: ${rows.toLocaleString('en-US')} rows (1x) and ${(rows * scale).toLocaleString('en-US')} rows (${scale}x)`,
  ];
  for (const name of Object.keys(small)) {
    const growth = large[name] / small[name];
    const verdict = growth <= FLAT_TOLERANCE ? 'flat' : 'grows with the data';
    lines.push(`  ${name.padEnd(13)} ${mib(small[name]).padStart(9)}  ${mib(large[name]).padStart(9)}  x${growth.toFixed(2)}  ${verdict}`);
  }
  return lines;
}

/** Both sizes, measured one after the other, and the lines to print. */
export async function memoryScale({ dir, rows, scale, inputs, suite = 'full', batchRows, cliPath, log = () => {} }) {
  const small = await peakRssByInput({ dir, rows, inputs, suite, batchRows, cliPath, log });
  const large = await peakRssByInput({ dir, rows: rows * scale, inputs, suite, batchRows, cliPath, log });
  return { small, large, lines: formatScale({ rows, scale, small, large, suite }) };
}
