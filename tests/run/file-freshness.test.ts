import { mkdtempSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { col, defineContract, defineSuite } from '../../src/index.js';
import type { ContractDef, SourceDef } from '../../src/model/contract.js';
import type { FreshnessMeasure } from '../../src/model/measure.js';
import type { CheckResult } from '../../src/model/result.js';
import type { SuiteDef } from '../../src/model/suite.js';
import { runDatacheck } from '../../src/run/runner.js';
import { isDatacheckError } from '../../src/model/issue.js';

/**
 * `freshness: { file: true, within }`: the newest modification time of the source files, against
 * the run's clock (`now`, injected here). The files are temporary copies whose times are set
 * with fs.utimes, so nothing depends on when the test runs.
 */
const NOW = new Date('2024-06-01T12:00:00Z');
const hoursBefore = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

function project(mtimes: Record<string, Date>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-file-freshness-'));
  mkdirSync(path.join(dir, 'drops'));
  for (const [name, at] of Object.entries(mtimes)) {
    const file = path.join(dir, 'drops', name);
    writeFileSync(file, 'id\n1\n');
    utimesSync(file, at, at);
  }
  return dir;
}

async function freshnessOf(dir: string, file: string, within: `${number}h`): Promise<CheckResult> {
  const contract = defineContract({ name: 'drops', source: { file }, columns: { id: col.int64() }, freshness: { file: true, within } });
  const r = await runDatacheck({
    cwd: dir,
    contracts: [contract as ContractDef],
    suites: [defineSuite(contract, () => []) as SuiteDef],
    issues: [],
    maxFailingRows: 5,
    now: NOW,
  });
  expect(r.issues).toEqual([]);
  return r.datasets[0].checks.find((c) => c.kind === 'file_freshness')!;
}

describe('file freshness', () => {
  it('passes while the file is younger than the window, fails once it is older', async () => {
    const dir = project({ 'a.csv': hoursBefore(5) });
    const fresh = await freshnessOf(dir, 'drops/a.csv', '6h');
    expect(fresh).toMatchObject({ outcome: 'pass', title: 'file modified within 6h' });
    expect(fresh.measure).toEqual({
      type: 'freshness',
      of: 'file',
      newest: '2024-06-01T07:00:00.000Z',
      ageMs: 5 * 3_600_000,
      withinMs: 6 * 3_600_000,
      now: NOW.toISOString(),
    } satisfies FreshnessMeasure);
    const stale = await freshnessOf(dir, 'drops/a.csv', '4h');
    expect(stale.outcome).toBe('fail');
    expect(stale.message).toBe('file modified 2024-06-01T07:00:00.000Z, 5h old, more than 4h');
  });

  it('of a glob, the newest file counts: the latest drop makes the data fresh', async () => {
    const dir = project({ 'day1.csv': hoursBefore(50), 'day2.csv': hoursBefore(26), 'day3.csv': hoursBefore(2) });
    const check = await freshnessOf(dir, 'drops/*.csv', '6h');
    expect(check.outcome).toBe('pass');
    expect((check.measure as FreshnessMeasure).newest).toBe(hoursBefore(2).toISOString());
  });

  it('a table source refuses it where the contract is defined', () => {
    const define = () =>
      defineContract({
        name: 'orders',
        source: { table: 'orders', connection: 'wh' } as SourceDef,
        columns: { id: col.int64() },
        freshness: { file: true, within: '6h' },
      });
    expect(define).toThrow(/freshness \{ file: true \} measures the source files' modification time/);
    try {
      define();
    } catch (e) {
      expect(isDatacheckError(e) && e.issue).toMatchObject({
        code: 'contract.invalid',
        location: { file: expect.stringMatching(/file-freshness\.test\.ts$/) },
      });
    }
  });

  it('in-memory data given at run time has no file: the check says so', async () => {
    const contract = defineContract({ name: 'mem', columns: { id: col.int64() }, freshness: { file: true, within: '6h' } });
    const r = await runDatacheck({
      cwd: os.tmpdir(),
      contracts: [{ ...(contract as ContractDef), source: { data: [{ id: 1n }] } }],
      suites: [],
      issues: [],
      maxFailingRows: 5,
      now: NOW,
    });
    const check = r.datasets[0].checks.find((c) => c.kind === 'file_freshness')!;
    expect(check).toMatchObject({ outcome: 'error', issue: { code: 'freshness.not_a_file' } });
  });
});
