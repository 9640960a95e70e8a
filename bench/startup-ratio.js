// `ratio startup`: a warm `npx datacheck` on the bundled example against the floor any Node tool
// that checks data with DuckDB pays, `node -e` opening and closing an in-memory DuckDB. What the
// ratio shows above 1 is datacheck's own start-up: npm's, loading its modules, the config, the
// contracts and suites (jiti), the run, the reports and the history.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Node start-up plus DuckDB's: load @duckdb/node-api, open an in-memory database, connect, close. */
export const DUCKDB_OPEN_SCRIPT =
  "import { DuckDBInstance } from '@duckdb/node-api'; const i = await DuckDBInstance.create(':memory:'); const c = await i.connect(); c.closeSync(); i.closeSync();";

/** Runs a command in the repo; resolves with its wall time and exit code (1 is fine: the example has failing checks). */
export function timed(command, args, env = {}, cwd = ROOT) {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1', ...env } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 && code !== 1) reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr}`));
      else resolve({ ms: performance.now() - t0, code });
    });
  });
}

export const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/**
 * Best of `runs` warm `npx datacheck` (after one warm-up run) and best of `runs` of the DuckDB-open
 * floor, alternating so both see the same load. `command` replaces `npx datacheck` (the tests
 * use a stand-in).
 */
export async function startupRatio({ runs = 3, command = [NPX, ['datacheck']], cwd = ROOT } = {}) {
  const [cmd, args] = command;
  await timed(cmd, args, {}, cwd);
  const warm = [];
  const floor = [];
  for (let i = 0; i < runs; i++) {
    warm.push((await timed(cmd, args, {}, cwd)).ms);
    floor.push((await timed(process.execPath, ['--input-type=module', '-e', DUCKDB_OPEN_SCRIPT], {}, ROOT)).ms);
  }
  const best = (xs) => Math.min(...xs);
  return { warm, floor, ratio: best(warm) / best(floor) };
}

/** The two lines the bench prints: both times, then `ratio startup: X.XX`. */
export function formatStartupRatio(r, secs = (ms) => `${(ms / 1000).toFixed(2)} s`) {
  const list = (xs) => xs.map(secs).join(', ');
  return [
    `startup: warm npx datacheck ${secs(Math.min(...r.warm))} [${list(r.warm)}], node -e opening DuckDB ${secs(Math.min(...r.floor))} [${list(r.floor)}]`,
    `ratio startup: ${r.ratio.toFixed(2)}`,
  ];
}
