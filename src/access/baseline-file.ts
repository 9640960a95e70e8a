import { readFile } from 'node:fs/promises';
import type { BaselineColumn, BaselineFile } from '../model/baseline.js';
import type { Issue } from '../model/issue.js';
import type { MetricOutcome, TopValuesValue } from '../model/metric.js';

/** Baseline files read once per run, by absolute path. */
export type BaselineCache = Map<string, Promise<BaselineFile | Issue>>;

/**
 * A column's value counts from a baseline file, as the `top_values` metric would give them, or
 * the issue: the file missing, not a baseline (with the JSON path of what is wrong), the column
 * absent, pii (a baseline holds no values of those) or truncated.
 */
export async function baselineDistribution(file: string, shownAs: string, column: string, cache: BaselineCache): Promise<MetricOutcome> {
  if (!cache.has(file)) cache.set(file, readBaseline(file, shownAs));
  const baseline = await cache.get(file)!;
  if ('code' in baseline) return { ok: false, issue: baseline };
  const c: BaselineColumn | undefined = Object.hasOwn(baseline.columns, column) ? baseline.columns[column] : undefined;
  const unusable = (why: string, hint: string): MetricOutcome => ({
    ok: false,
    issue: { code: 'drift.baseline_column', message: `${shownAs} ${why}`, expected: `columns.${column}.values`, found: why, hint },
  });
  if (!c) return unusable(`has no column '${column}'`, `save the baseline again: datacheck baseline save`);
  if (c.pii)
    return unusable(`holds no values of '${column}': it is a pii column`, 'compare pii columns with another dataset of the run instead');
  if (!c.values)
    return unusable(
      `has no exact value counts of '${column}' (more distinct values than a baseline keeps)`,
      'use another dataset of the run as the reference',
    );
  const value: TopValuesValue = { top: c.values.map(([v, count]) => ({ value: v, count })), distinct: c.values.length, truncated: false };
  return { ok: true, value };
}

async function readBaseline(file: string, shownAs: string): Promise<BaselineFile | Issue> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return {
      code: 'drift.baseline_not_found',
      message: `baseline file ${shownAs} does not exist`,
      hint: 'save it with: datacheck baseline save (it writes baselines/<dataset>.json)',
    };
  }
  const invalid = (where: string, expected: string, found: string): Issue => ({
    code: 'drift.baseline_invalid',
    message: `${shownAs} is not a datacheck baseline: ${where} ${found === 'invalid JSON' ? 'does not parse' : `should be ${expected}`}`,
    expected,
    found,
  });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return invalid('the file', 'JSON', `invalid JSON (${(e as Error).message})`);
  }
  const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return invalid('$', 'an object', kind(data));
  const b = data as Record<string, unknown>;
  if (b.datacheckBaseline !== 1) return invalid('$.datacheckBaseline', '1', JSON.stringify(b.datacheckBaseline) ?? 'missing');
  if (typeof b.columns !== 'object' || b.columns === null || Array.isArray(b.columns))
    return invalid('$.columns', 'an object', kind(b.columns));
  for (const [name, c] of Object.entries(b.columns as Record<string, unknown>)) {
    const at = `$.columns[${JSON.stringify(name)}]`;
    if (typeof c !== 'object' || c === null || Array.isArray(c)) return invalid(at, 'an object', kind(c));
    const values = (c as Record<string, unknown>).values;
    if (values === undefined) continue;
    if (!Array.isArray(values)) return invalid(`${at}.values`, 'an array of [value, count] pairs', kind(values));
    const bad = values.findIndex(
      (p) =>
        !Array.isArray(p) ||
        p.length !== 2 ||
        !['string', 'number', 'boolean'].includes(typeof p[0]) ||
        !Number.isSafeInteger(p[1]) ||
        p[1] < 0,
    );
    if (bad >= 0)
      return invalid(`${at}.values[${bad}]`, 'a [value, count] pair with a whole count', JSON.stringify(values[bad]) ?? 'undefined');
  }
  return data as BaselineFile;
}
