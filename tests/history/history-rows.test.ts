import { describe, expect, it } from 'vitest';
import { historyRows } from '../../src/history/history-rows.js';
import { check, sampleRun } from '../reporters/sample-run.js';

describe('a run as history rows', () => {
  it('keeps every check’s outcome, the tracked number where there is one, and the dataset’s fingerprint version', () => {
    const run = sampleRun();
    const orders = run.datasets[0];
    run.datasets = [orders];
    orders.fingerprint = { method: 'files', version: 'ab'.repeat(32), files: [] };
    orders.checks = [
      check({ id: 'orders.rows', title: 'rows', outcome: 'pass', metric: { name: 'row_count', value: 99 } }),
      check({ id: 'orders.email.one_of', title: 'email', outcome: 'fail', observed: '***' }),
    ];
    expect(historyRows(run)).toEqual([
      expect.objectContaining({ checkId: 'orders.rows', outcome: 'pass', metric: 'row_count', value: 99, datasetVersion: 'ab'.repeat(32) }),
      expect.objectContaining({ checkId: 'orders.email.one_of', outcome: 'fail', metric: null, value: null }),
    ]);
  });
});
