import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_KINDS } from '../../src/checks/builtin.js';
import { observesOf } from '../../src/checks/check-kind.js';
import { STATISTICS } from '../../src/checks/statistics.js';
import { col, defineContract, defineSuite } from '../../src/index.js';

const root = path.resolve(__dirname, '../..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : full.endsWith('.ts') ? [full] : [];
  });
}

describe('check kinds describe themselves', () => {
  it('each declares its scope and what it observes; only the schema check is always selected', () => {
    for (const kind of CHECK_KINDS.values()) {
      expect(['dataset', 'column'], kind.kind).toContain(kind.scope);
      expect(typeof kind.observes === 'function' || ['values', 'counts'].includes(kind.observes), kind.kind).toBe(true);
    }
    expect([...CHECK_KINDS.values()].filter((k) => k.alwaysSelected).map((k) => k.kind)).toEqual(['schema']);
    expect(
      [...CHECK_KINDS.values()]
        .filter((k) => k.scope === 'dataset')
        .map((k) => k.kind)
        .sort(),
    ).toEqual(['column_count', 'expect', 'file_freshness', 'row_count', 'schema', 'sql_rule']);
  });

  it('observe values only where a value of the column shows: freshness, the value statistics, the result of an SQL rule, value sets', () => {
    const stat = CHECK_KINDS.get('column_stat')!;
    const values = Object.keys(STATISTICS).filter((s) => observesOf(stat, { stat: s } as never) === 'values');
    expect(values).toEqual(['min', 'max', 'sum', 'mean', 'stddev', 'median', 'quantile']);
    const tracking = ['column_stat', 'change', 'anomaly'];
    expect(
      [...CHECK_KINDS.values()].filter((k) => !tracking.includes(k.kind) && observesOf(k, {} as never) === 'values').map((k) => k.kind),
    ).toEqual(['freshness', 'sql_rule', 'value_set']);
    // change and anomaly observe what the number they track observes.
    for (const kind of ['change', 'anomaly']) {
      const k = CHECK_KINDS.get(kind)!;
      expect(observesOf(k, { of: { kind: 'row_count' } } as never)).toBe('counts');
      expect(observesOf(k, { of: { kind: 'column_stat', stat: 'null_ratio' } } as never)).toBe('counts');
      expect(observesOf(k, { of: { kind: 'column_stat', stat: 'mean' } } as never)).toBe('values');
    }
  });

  it('are named by no file of evaluate, plan, run or the reporters, which read the declarations instead', () => {
    const names = [...CHECK_KINDS.keys()].join('|');
    const comparison = new RegExp(`kind\\s*[!=]==?\\s*'(${names})'|new Set\\(\\[[^\\]]*'(${names})'`);
    const offenders = ['src/evaluate', 'src/plan', 'src/run', 'src/reporters']
      .flatMap((dir) => filesUnder(path.join(root, dir)))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => [`${path.relative(root, file)}:${i + 1}`, line] as const),
      )
      .filter(([, line]) => comparison.test(line))
      .map(([where, line]) => `${where}: ${line.trim()}`);
    expect(offenders).toEqual([]);
  });
});

describe('column statistics are one table', () => {
  const contract = defineContract({ name: 't', columns: { x: col.float64(), s: col.string() } });

  it('has an entry for every statistic the DSL offers, each with a label and the metrics it needs', () => {
    const suite = defineSuite(contract, (t) => {
      const x = t.column('x');
      return [
        x.min(),
        x.max(),
        x.sum(),
        x.mean(),
        x.stddev(),
        x.median(),
        x.quantile(0.9),
        x.distinctCount(),
        x.distinctRatio(),
        x.nullCount(),
        x.nullRatio(),
        x.share(1),
        x.entropy(),
        t.column('s').length().min(),
        t.column('s').length().mean(),
        t.column('s').length().max(),
      ].map((b) => b.atLeast(0));
    });
    const offered = suite.checks.map((c) => (c.params as { stat: string }).stat);
    expect(offered.sort()).toEqual(Object.keys(STATISTICS).sort());
    for (const c of suite.checks) {
      expect(CHECK_KINDS.get('column_stat')!.describe(c)).toMatch(/^[xs] \S/);
      expect(CHECK_KINDS.get('column_stat')!.metrics(c, { contract, sampleSize: 1 }).length).toBeGreaterThan(0);
    }
  });
});
