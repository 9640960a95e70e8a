// Runs the real datacheck CLI in a child process (so the time includes Node start, loading the
// contract files and reading the Arrow file) and measures its wall time and peak RSS.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_DIR, COLUMNS, PROJECT_DIR, REPO_ROOT } from './config.js';

export const CLI_PATH = path.join(REPO_ROOT, 'bin', 'datacheck.js');

/** Reads VmHWM (peak resident set, KiB) from /proc; undefined once the process is gone or off Linux. */
async function vmHwmKiB(pid) {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(await readFile(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One CLI run. Exit 0 (passed) and 1 (a check failed: expected, the data is broken on purpose)
 * are results; anything else is an error carrying the child's stderr.
 */
export async function runDatacheckCli({ projectDir = PROJECT_DIR, env = {}, cliPath = CLI_PATH, debug = false } = {}) {
  if (!existsSync(cliPath)) throw new Error(`datacheck CLI not found at ${cliPath} (is bin/datacheck.js written and built?)`);
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'datacheck-bench-'));
  const outputFile = path.join(tmp, 'result.json');
  const rssFile = path.join(tmp, 'rss.json');
  try {
    const args = [
      '--import',
      pathToFileURL(path.join(BENCH_DIR, 'rss-probe.mjs')).href,
      cliPath,
      projectDir,
      '--reporter',
      'json',
      '--output-file',
      outputFile,
      '--no-typecheck',
      ...(debug ? ['--debug'] : []),
    ];
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: projectDir,
      env: { ...process.env, NO_COLOR: '1', ...env, DATACHECK_BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    // Polling is the fallback for a child that dies before its exit hook runs.
    let polledKiB = 0;
    const poll = setInterval(async () => {
      polledKiB = Math.max(polledKiB, (await vmHwmKiB(child.pid)) ?? 0);
    }, 50);
    const code = await new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (c, signal) => resolve(c ?? `signal ${signal}`));
    });
    const ms = performance.now() - started;
    clearInterval(poll);
    if (code !== 0 && code !== 1) {
      throw new Error(`datacheck exited with ${code}\n--- stderr ---\n${stderr.slice(-4000)}\n--- stdout ---\n${stdout.slice(-2000)}`);
    }
    const probe = await readFile(rssFile, 'utf8')
      .then(JSON.parse)
      .catch(() => ({}));
    const peakRssBytes = Math.max(probe.maxRssKiB ?? 0, polledKiB) * 1024;
    const result = JSON.parse(await readFile(outputFile, 'utf8'));
    return { ms, cpuMs: probe.cpuMs, exitCode: code, peakRssBytes, result, stderr };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

const failedRows = (check) => check?.rows?.failed;

/**
 * The figures compared with DuckDB's, read from datacheck's JSON RunResult. A figure whose check
 * is missing or could not run is `undefined`, which the comparison reports as a disagreement.
 */
export function datacheckCounts(result, dataset = 'orders') {
  const ds = result.datasets?.find((d) => d.name === dataset);
  if (!ds)
    throw new Error(
      `the JSON result has no dataset '${dataset}' (datasets: ${(result.datasets ?? []).map((d) => d.name).join(', ') || 'none'})`,
    );
  const ran = ds.checks.filter((c) => c.outcome !== 'error' && c.outcome !== 'skipped');
  const find = (kind, column, title) =>
    ran.find(
      (c) =>
        c.kind === kind &&
        (column === undefined || c.column === column || (c.columns?.length === 1 && c.columns[0] === column)) &&
        (title === undefined || c.title === title),
    );
  const numeric = (v) => (typeof v === 'number' ? v : undefined);
  const nulls = {};
  for (const c of COLUMNS) {
    nulls[c] = c === 'amount' ? numeric(find('column_stat', 'amount', 'amount null count')?.observed) : failedRows(find('not_null', c));
  }
  return {
    rows: numeric(find('row_count', undefined, 'row count')?.observed) ?? ds.rowCount,
    nulls,
    duplicateRows: failedRows(find('unique', 'order_id')),
    badStatus: failedRows(find('accepted_values', 'status')),
    badEmail: failedRows(find('format', 'email')),
    amountOutOfRange: failedRows(find('range', 'amount')),
    errors: ds.checks
      .filter((c) => c.outcome === 'error')
      .map((c) => `${c.title}: ${c.issue?.message ?? c.message}`)
      .concat(
        (ds.issues ?? []).map((i) => i.message),
        (result.issues ?? []).map((i) => i.message),
      ),
  };
}
