import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBench } from './load-bench.js';

const { runDatacheckCli, datacheckCounts, CLI_PATH } = await loadBench('datacheck-run.js');

/** A RunResult shaped like datacheck's JSON report, with the checks the bench reads. */
function runResult(overrides: Record<string, unknown>[] = []) {
  const check = (kind: string, column: string | undefined, extra: Record<string, unknown>) => ({
    id: `${kind}-${column}`,
    kind,
    dataset: 'orders',
    ...(column && { column }),
    title: `${kind} ${column ?? ''}`,
    severity: 'error',
    outcome: 'fail',
    message: '',
    origin: 'contract',
    location: { file: 'x', line: 1, column: 1 },
    durationMs: 1,
    ...extra,
  });
  const checks = [
    check('row_count', undefined, { title: 'row count', observed: 100 }),
    ...['order_id', 'customer_id', 'status', 'email', 'ordered_at'].map((c) =>
      check('not_null', c, { rows: { considered: 100, failed: 0 } }),
    ),
    check('column_stat', 'amount', { title: 'amount null count', observed: 3 }),
    check('unique', undefined, { columns: ['order_id'], rows: { considered: 100, failed: 4 } }),
    check('accepted_values', 'status', { rows: { considered: 100, failed: 2 } }),
    check('format', 'email', { rows: { considered: 100, failed: 1 } }),
    check('range', 'amount', { rows: { considered: 97, failed: 5 } }),
  ].map((c) => ({ ...c, ...(overrides.find((o) => o.kind === c.kind && o.column === c.column) ?? {}) }));
  return { schemaVersion: 1, datasets: [{ name: 'orders', rowCount: 100, issues: [], checks, columns: [] }], issues: [] };
}

describe('reading datacheck figures from the JSON result', () => {
  it('maps each check to the figure DuckDB computes', () => {
    expect(datacheckCounts(runResult())).toMatchObject({
      rows: 100,
      nulls: { order_id: 0, customer_id: 0, amount: 3, status: 0, email: 0, ordered_at: 0 },
      duplicateRows: 4,
      badStatus: 2,
      badEmail: 1,
      amountOutOfRange: 5,
      errors: [],
    });
  });

  it('leaves a figure undefined when its check could not run, and reports why', () => {
    const c = datacheckCounts(
      runResult([{ kind: 'format', column: 'email', outcome: 'error', rows: undefined, issue: { message: 'regex blew up' } }]),
    );
    expect(c.badEmail).toBeUndefined();
    expect(c.errors).toEqual(['format email: regex blew up']);
  });

  it('says which datasets exist when orders is absent', () => {
    expect(() => datacheckCounts({ datasets: [{ name: 'customers', checks: [] }] })).toThrow(/no dataset 'orders'.*customers/);
  });
});

describe('running a CLI in a child process', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'bench-cli-'));
    // A stand-in CLI: checks its arguments, touches ~200 MiB, writes a result, exits with FAKE_EXIT.
    await writeFile(
      path.join(dir, 'fake-cli.mjs'),
      `
      import { writeFileSync } from 'node:fs';
      const args = process.argv.slice(2);
      const out = args[args.indexOf('--output-file') + 1];
      if (!args.includes('--no-typecheck') || args[args.indexOf('--reporter') + 1] !== 'json') process.exit(3);
      const big = Buffer.alloc(200 * 1024 * 1024, 1);
      writeFileSync(out, JSON.stringify({ datasets: [{ name: 'orders', cwd: process.cwd(), touched: big[12345] }] }));
      if (process.env.FAKE_EXIT === '2') console.error('could not read orders.arrow');
      process.exit(Number(process.env.FAKE_EXIT));
    `,
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('returns time, exit code 1 (checks failed), the parsed result and the peak RSS of the child', async () => {
    const r = await runDatacheckCli({ projectDir: dir, cliPath: path.join(dir, 'fake-cli.mjs'), env: { FAKE_EXIT: '1' } });
    expect(r.exitCode).toBe(1);
    expect(r.result.datasets[0]).toEqual({ name: 'orders', cwd: dir, touched: 1 });
    expect(r.peakRssBytes).toBeGreaterThan(200 * 1024 * 1024);
    expect(r.peakRssBytes).toBeLessThan(1024 * 1024 * 1024);
    expect(r.ms).toBeGreaterThan(0);
    // CPU time comes from the child itself; filling 200 MiB takes measurable CPU.
    expect(r.cpuMs).toBeGreaterThan(0);
    expect(r.cpuMs).toBeLessThan(r.ms * 3);
  });

  it('fails with the child stderr when the run could not be done (exit 2)', async () => {
    await expect(runDatacheckCli({ projectDir: dir, cliPath: path.join(dir, 'fake-cli.mjs'), env: { FAKE_EXIT: '2' } })).rejects.toThrow(
      /exited with 2[\s\S]*could not read orders.arrow/,
    );
  });

  it('says where it looked when the CLI is missing', async () => {
    await expect(runDatacheckCli({ projectDir: dir, cliPath: path.join(dir, 'nope.js') })).rejects.toThrow(/CLI not found at .*nope\.js/);
  });

  it('real CLI (built): counts the same as DuckDB on a small generated table', async () => {
    // `npm test` builds first; a missing dist/ is a failure here, never a silent skip.
    expect(existsSync(CLI_PATH) && existsSync(new URL('../../dist/src/cli/main.js', import.meta.url)), 'run `npm run build` first').toBe(
      true,
    );
    const gen = await loadBench('generate.js');
    const duck = await loadBench('duckdb-checks.js');
    const { compareCounts, formatComparison } = await loadBench('compare.js');
    const { PROJECT_DIR } = await loadBench('config.js');
    const data = await gen.ensureData({ dir: path.join(dir, 'data'), rows: 30_000, batchRows: 8_192 });
    const { row } = await duck.runDuckdbChecks(data.paths.parquet);
    const run = await runDatacheckCli({ env: { DATACHECK_BENCH_ARROW: path.relative(PROJECT_DIR, data.paths.arrow) } });
    expect(run.exitCode).toBe(1);
    const comparison = compareCounts(await duck.duckdbCounts(data.paths.parquet, row), datacheckCounts(run.result));
    expect(comparison.ok, formatComparison(comparison)).toBe(true);
  });
});
