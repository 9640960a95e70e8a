// `npm run bench`: generate (or reuse) the data, time DuckDB and datacheck on the same checks,
// check that both count the same, and print times, rows/s, peak RSS and the datacheck/DuckDB ratio.
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compareCounts, formatComparison } from './compare.js';
import { DATA_DIR, PROJECT_DIR, ROWS } from './config.js';
import { datacheckCounts, runDatacheckCli } from './datacheck-run.js';
import { duckdbCounts, runDuckdbChecks } from './duckdb-checks.js';
import { ensureData } from './generate.js';
import { SCALE_SUITES, memoryScale } from './memory-scale.js';
import { ensureCsv, ensureDuckdbTable, rowsTransferred, sqlInputs } from './sql-inputs.js';
import { formatStartupRatio, startupRatio } from './startup-ratio.js';
import { bestOf, bestOfInterleaved } from './timing.js';

const { values: opts } = parseArgs({
  options: {
    rows: { type: 'string', default: String(ROWS) },
    runs: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '1' },
    regenerate: { type: 'boolean', default: false },
    'duckdb-only': { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    // Just the SQL inputs (skip the Arrow IPC comparison), and which of them (comma-separated names).
    'sql-only': { type: 'boolean', default: false },
    inputs: { type: 'string' },
    // Another build of the CLI (default bin/datacheck.js of this repo).
    cli: { type: 'string' },
    // Leave out the `ratio startup` line (warm `npx datacheck` on the bundled example, bench/startup-ratio.js).
    'no-startup': { type: 'boolean', default: false },
    // Only peak RSS per input at --rows and at this many times as many rows (bench/memory-scale.js).
    scale: { type: 'string' },
  },
});
const rows = Number(opts.rows);
const timing = { runs: Number(opts.runs), warmup: Number(opts.warmup) };
const how = `best of ${timing.runs} after ${timing.warmup} warm-up`;

const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;
const rate = (ms) => `${(((rows / ms) * 1000) / 1e6).toFixed(2)} M rows/s`;
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const log = (s = '') => process.stdout.write(`${s}\n`);

if (opts.scale) {
  const inputs = opts.inputs?.split(',').map((s) => s.trim());
  const load = os.loadavg()[0];
  for (const suite of SCALE_SUITES) {
    const { lines } = await memoryScale({
      dir: DATA_DIR,
      rows,
      scale: Number(opts.scale),
      suite,
      ...(inputs && { inputs }),
      ...(opts.cli && { cliPath: path.resolve(opts.cli) }),
      log,
    });
    for (const line of lines) log(line);
  }
  log(`  load average ${load.toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after`);
  process.exit(0);
}

const data = await ensureData({ dir: DATA_DIR, rows, force: opts.regenerate, log });
const m = data.manifest;
log(
  data.generatedMs !== undefined
    ? `generation: ${secs(data.generatedMs)} (parquet ${secs(m.parquetMs)}, then arrow ipc)`
    : `generation: reused bench/data (version ${m.version}; generated in ${secs(m.generatedMs)} on ${m.generatedAt})`,
);
log(
  `  ${rows.toLocaleString('en-US')} rows; parquet ${mib(m.parquetBytes)}, arrow ipc ${mib(m.arrowBytes)} in ${m.arrowBatches} batches; DuckDB ${m.duckdb}`,
);

const duckdbRun = () => runDuckdbChecks(data.paths.parquet);
const env = { DATACHECK_BENCH_ARROW: path.relative(PROJECT_DIR, data.paths.arrow) };
const datacheckRun = () => runDatacheckCli({ env, ...(opts.cli && { cliPath: path.resolve(opts.cli) }) });
const loadBefore = os.loadavg()[0];

let duck;
let dc;
try {
  ({ duckdb: duck, datacheck: dc } =
    opts['duckdb-only'] || opts['sql-only']
      ? { duckdb: await bestOf(duckdbRun, timing) }
      : await bestOfInterleaved({ duckdb: duckdbRun, datacheck: datacheckRun }, timing));
} catch (e) {
  log(`datacheck: could not run: ${e.message}`);
  log('(node bench/run.js --duckdb-only runs the DuckDB side alone)');
  process.exit(2);
}
const runsText = (r) => r.all.map((x) => secs(x.ms)).join(', ');
// CPU time (all threads) is steadier than wall time when other work shares the machine.
const cpuText = (r) => (typeof r.best.cpuMs === 'number' ? `cpu ${secs(r.best.cpuMs)}` : 'cpu n/a');
log(
  `timing: ${how}${dc ? ', DuckDB and datacheck runs alternating' : ''}; load average ${loadBefore.toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after (${os.cpus().length} cores)`,
);
log(
  `duckdb    (parquet, one aggregate query):       ${secs(duck.best.ms)}  ${rate(duck.best.ms)}  ${cpuText(duck)}  [runs ${runsText(duck)}]`,
);
const duckCounts = await duckdbCounts(data.paths.parquet, duck.best.row);
const summary = {
  date: new Date().toISOString(),
  rows,
  timing: how,
  loadAverage: [loadBefore, os.loadavg()[0]],
  manifest: m,
  duckdbMs: duck.best.ms,
  duckdbCpuMs: duck.best.cpuMs,
  duckdbCounts: duckCounts,
};

if (!dc && !opts['sql-only']) {
  log(JSON.stringify(duckCounts, null, 2));
  process.exit(0);
}
let comparison = { ok: true, rows: [] };
let peak;
let ratio;
let ratioOk = true;
let rssOk = true;
if (dc) {
  peak = Math.max(...dc.all.map((r) => r.peakRssBytes));
  log(
    `datacheck (arrow ipc, CLI in a child process):  ${secs(dc.best.ms)}  ${rate(dc.best.ms)}  ${cpuText(dc)}  peak RSS ${mib(peak)}  exit ${dc.best.exitCode}  [runs ${runsText(dc)}]`,
  );

  const dcCounts = datacheckCounts(dc.best.result);
  for (const err of dcCounts.errors) log(`  datacheck error: ${err}`);
  comparison = compareCounts(duckCounts, dcCounts);
  log();
  log(formatComparison(comparison));
  log(
    `(DuckDB count(*) - count(DISTINCT order_id) = ${duckCounts.duplicateSurplus}; datacheck's unique check counts every row of a duplicated key)`,
  );
  log();

  ratio = dc.best.ms / duck.best.ms;
  ratioOk = ratio <= 3.0;
  rssOk = peak <= 1024 ** 3;
  log(`targets: ratio <= 3.0 ${ratioOk ? 'met' : 'MISSED'}; peak RSS <= 1 GiB ${rssOk ? 'met' : 'MISSED'} (${mib(peak)})`);
  if (typeof dc.best.cpuMs === 'number' && typeof duck.best.cpuMs === 'number') {
    // Under load DuckDB loses its second core and the wall-time ratio flatters datacheck; CPU time shows it.
    log(`cpu time ratio (datacheck / duckdb, all threads): ${(dc.best.cpuMs / duck.best.cpuMs).toFixed(2)}`);
  }
  log(`ratio arrow-ipc: ${ratio.toFixed(2)}`);
}

// SQL pushdown: datacheck's default run on each input vs one hand-written aggregate query.
const csvPath = await ensureCsv(data.paths.parquet, log);
const duckdbFile = await ensureDuckdbTable(data.paths.parquet, log);
const sqlSummary = {};
let sqlCountsOk = true;
const only = opts.inputs?.split(',').map((s) => s.trim());
for (const input of sqlInputs({
  parquet: data.paths.parquet,
  csv: csvPath,
  duckdbFile,
  only,
  ...(opts.cli && { cli: path.resolve(opts.cli) }),
})) {
  let r;
  const load = os.loadavg()[0];
  try {
    await input.setup?.(log);
    r = await bestOfInterleaved({ duckdb: input.handWritten, datacheck: input.datacheck }, timing);
  } catch (e) {
    log(`${input.name}: could not run: ${e.message}`);
    sqlCountsOk = false;
    continue;
  } finally {
    await input.teardown?.();
  }
  const transfer = rowsTransferred(r.datacheck.best.stderr);
  const cmp = compareCounts(await duckdbCounts(data.paths.parquet, r.duckdb.best.row), datacheckCounts(r.datacheck.best.result));
  sqlCountsOk &&= cmp.ok;
  const inputRatio = r.datacheck.best.ms / r.duckdb.best.ms;
  log(
    `${input.name}: hand-written query ${secs(r.duckdb.best.ms)} [runs ${runsText(r.duckdb)}], datacheck ${secs(r.datacheck.best.ms)} [runs ${runsText(r.datacheck)}]; load average ${load.toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after`,
  );
  log(
    `  datacheck peak RSS ${mib(r.datacheck.best.peakRssBytes)}; rows transferred ${transfer ? `${transfer.rows} in ${transfer.queries} queries` : 'n/a'}; counts ${cmp.ok ? 'agree' : 'DIFFER'}`,
  );
  if (!cmp.ok) log(formatComparison(cmp));
  log(`ratio ${input.name}: ${inputRatio.toFixed(2)}`);
  sqlSummary[input.name] = {
    handWrittenMs: r.duckdb.best.ms,
    datacheckMs: r.datacheck.best.ms,
    ratio: inputRatio,
    transfer,
    countsAgree: cmp.ok,
    loadAverage: [load, os.loadavg()[0]],
  };
}
summary.sql = sqlSummary;
if (!opts['no-startup'] && !opts['duckdb-only'] && !opts.inputs) {
  const load = os.loadavg()[0];
  const startup = await startupRatio({ runs: timing.runs });
  for (const line of formatStartupRatio(startup, secs)) log(line);
  log(`  load average ${load.toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after`);
  summary.startup = { warmMs: Math.min(...startup.warm), floorMs: Math.min(...startup.floor), ratio: startup.ratio };
}
if (!sqlCountsOk) {
  log('FAIL: a SQL input disagrees with DuckDB on the counts above');
  process.exitCode = 1;
}

if (dc)
  Object.assign(summary, {
    datacheckMs: dc.best.ms,
    datacheckCpuMs: dc.best.cpuMs,
    datacheckPeakRssBytes: peak,
    ratio,
    countsAgree: comparison.ok,
    comparison: comparison.rows,
  });
await writeFile(path.join(DATA_DIR, 'last-run.json'), `${JSON.stringify(summary, null, 2)}\n`);

if (!comparison.ok) {
  log('FAIL: DuckDB and datacheck disagree on the counts above');
  process.exit(1);
}
if (opts.strict && !(ratioOk && rssOk && Object.values(sqlSummary).every((x) => x.ratio <= 1.2))) process.exit(1);
