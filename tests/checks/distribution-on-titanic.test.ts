import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { col, defineContract, defineSuite } from '../../src/index.js';
import type { SourceDef } from '../../src/model/contract.js';
import type { CheckResult } from '../../src/model/result.js';
import { run } from '../../src/node.js';
import { sharedPath } from '../support/shared-dir.js';

/**
 * Entropy, length statistics and value sets on real data (seaborn's titanic.csv, 891 rows), held
 * to values scipy and Python computed once (titanic-distribution.py), on the Arrow engine and on
 * DuckDB reading the same file: both engines must give the reference answers.
 */
const reference = JSON.parse(readFileSync(path.join(import.meta.dirname, 'titanic-distribution.json'), 'utf8')) as {
  entropy: Record<string, number>;
  length: Record<string, { min: number; max: number; mean: number }>;
  mostCommon: Record<string, string[]>;
  distinct: Record<string, string[]>;
};
const STRINGS = ['sex', 'class', 'who', 'deck', 'embark_town'] as const;
const INTS = ['survived', 'pclass', 'sibsp', 'parch'] as const;
const cwd = sharedPath('datasets', 'seaborn-data');

async function checksOn(source: SourceDef): Promise<CheckResult[]> {
  const titanic = defineContract({
    name: 'titanic',
    source,
    columns: {
      survived: col.int64(),
      pclass: col.int64(),
      sibsp: col.int64(),
      parch: col.int64(),
      sex: col.string(),
      class: col.string(),
      who: col.string(),
      deck: col.string().nullable(),
      embark_town: col.string().nullable(),
      alive: col.string(),
      fare: col.float64(),
    },
  });
  const suite = defineSuite(titanic, (t) => [
    ...[...STRINGS, ...INTS, 'alive' as const].map((c) => t.column(c).entropy().atLeast(0)),
    ...STRINGS.flatMap((c) => [
      t.column(c).length().min().atLeast(0),
      t.column(c).length().mean().atLeast(0),
      t.column(c).length().max().atLeast(0),
      t.column(c).mostCommon().oneOf(reference.mostCommon[c]),
      t.column(c).distinctValues().equals(reference.distinct[c]),
    ]),
    t.column('embark_town').distinctValues().within(['Southampton', 'Cherbourg']),
    t.column('fare').distinctCount({ approximate: true }).atLeast(0),
  ]);
  const result = await run({ cwd, contracts: [titanic], suites: [suite] });
  return result.datasets[0].checks;
}

const find = (checks: CheckResult[], column: string, title: RegExp) => {
  const found = checks.find((c) => c.column === column && title.test(c.title));
  if (!found) throw new Error(`no check on ${column} matching ${title}`);
  return found;
};

describe.each([
  ['arrow', { file: 'titanic.csv' }],
  ['duckdb', { file: 'titanic.csv', engine: 'duckdb' }],
] as [string, SourceDef][])('distribution statistics on titanic.csv (%s)', (_engine, source) => {
  it('gives scipy entropy in bits and Python length statistics, and the value sets pass', async () => {
    const checks = await checksOn(source);
    for (const c of [...STRINGS, ...INTS, 'alive']) {
      expect(find(checks, c, /entropy/).observed as number).toBeCloseTo(reference.entropy[c], 12);
    }
    for (const c of STRINGS) {
      expect(find(checks, c, /min length/).observed).toBe(reference.length[c].min);
      expect(find(checks, c, /max length/).observed).toBe(reference.length[c].max);
      expect(find(checks, c, /mean length/).observed as number).toBeCloseTo(reference.length[c].mean, 12);
      expect(find(checks, c, /most common/).outcome).toBe('pass');
      expect(find(checks, c, /distinct values equal/).outcome).toBe('pass');
    }
    expect(find(checks, 'embark_town', /distinct values within/)).toMatchObject({
      outcome: 'fail',
      measure: { unexpected: ['Queenstown'], unexpectedCount: 1 },
    });
    expect(find(checks, 'fare', /distinct count/).measure).toMatchObject({ statistic: 'distinct_count', approximate: { method: 'hll' } });
  });
});
