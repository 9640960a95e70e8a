import { Bool, DateDay, Float64, Int32, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { arrowEngine } from '../../src/engines/arrow/arrow-engine.js';
import { parseExpr } from '../../src/expr/parse-expr.js';
import { col, defineContract } from '../../src/index.js';
import { buildPlan } from '../../src/plan/build-plan.js';
import { columnProfiles, profileMetrics } from '../../src/plan/profiles.js';
import { batchOf, sourceOf } from '../engines/arrow/helpers.js';

const people = defineContract({
  name: 'people',
  columns: {
    id: col.int32().primaryKey(),
    score: col.float64().nullable(),
    born: col.date(),
    city: col.string(),
    active: col.bool(),
    email: col.string().pii(),
    salary: col.float64().pii(),
  },
});

describe('column profiles', () => {
  it('ask for a histogram of ordered columns and top values of strings and booleans, never for pii columns', () => {
    const kinds = (column: string) =>
      profileMetrics(people)
        .filter((s) => 'column' in s && s.column === column)
        .map((s) => s.kind);
    expect(kinds('score')).toEqual(['null_count', 'min', 'max', 'histogram']);
    expect(kinds('born')).toContain('histogram');
    expect(kinds('city')).toEqual(['null_count', 'top_values']);
    expect(kinds('active')).toEqual(['null_count', 'top_values']);
    expect(kinds('email')).toEqual(['null_count']);
    expect(kinds('id')).toEqual(['null_count', 'min', 'max']);
    expect(kinds('salary')).toEqual(['null_count', 'min', 'max']);
  });

  it('at level basic, keep only what rides along in the checks own scan: nulls and min/max', () => {
    const kinds = (column: string) =>
      profileMetrics(people, 'basic')
        .filter((s) => 'column' in s && s.column === column)
        .map((s) => s.kind);
    expect(kinds('score')).toEqual(['null_count', 'min', 'max']);
    expect(kinds('city')).toEqual(['null_count']);
    expect(profileMetrics(people, 'basic').some((s) => s.kind === 'histogram' || s.kind === 'top_values')).toBe(false);
  });

  it('show distributions with display values (ISO dates) and nothing of pii columns but a mask', async () => {
    const day = 86_400_000;
    const batch = batchOf({
      id: vectorFromArray([1, 2, 3, 4], new Int32()),
      score: vectorFromArray([0, 10, null, 5], new Float64()),
      born: vectorFromArray([new Date(0), new Date(2 * day), new Date(day), new Date(0)], new DateDay()),
      city: vectorFromArray(['Oslo', 'Lima', 'Oslo', null], new Utf8()),
      active: vectorFromArray([true, true, false, true], new Bool()),
      email: vectorFromArray(['a@x.io', 'b@x.io', 'a@x.io', 'c@x.io'], new Utf8()),
      salary: vectorFromArray([100, 200, 300, 400], new Float64()),
    });
    const plan = buildPlan(people, [], { sampleSize: 5, parseWhere: parseExpr, profile: profileMetrics(people) });
    const results = await arrowEngine.compute(sourceOf([batch]), plan.metrics, { contract: people });
    const profiles = Object.fromEntries(columnProfiles(people, plan, results).map((p) => [p.name, p]));
    expect(profiles.score).toMatchObject({ nullCount: 1, min: 0, max: 10, histogram: { min: 0, max: 10 } });
    expect(profiles.score.histogram!.counts.reduce((a, b) => a + b)).toBe(3);
    expect(profiles.born.histogram).toMatchObject({ min: '1970-01-01', max: '1970-01-03' });
    expect(profiles.city.distinctCount).toBe(2);
    expect(profiles.city.topValues).toEqual({
      top: [
        { value: 'Oslo', count: 2 },
        { value: 'Lima', count: 1 },
      ],
      distinct: 2,
      truncated: false,
    });
    expect(profiles.active.topValues?.top).toEqual([
      { value: true, count: 3 },
      { value: false, count: 1 },
    ]);
    expect(profiles.email).not.toHaveProperty('topValues');
    expect(profiles.salary).toMatchObject({ min: '***', max: '***' });
    expect(profiles.salary).not.toHaveProperty('histogram');
    expect(JSON.stringify(profiles)).not.toMatch(/x\.io|"(100|400)"/);
  });
});
