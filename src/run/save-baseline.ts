import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConnectionRegistry, defaultOpeners } from '../access/connections.js';
import type { ConnectionOpeners } from '../access/connections.js';
import { decideRead } from '../access/read-plan.js';
import { DRIFT_MAX_DISTINCT } from '../checks/kinds/drift.js';
import { isNumeric } from '../checks/drift/compare.js';
import { compareValues, equalWidthEdges } from '../checks/drift/binning.js';
import { typeText } from '../checks/type-compat.js';
import type { BaselineColumn, BaselineFile } from '../model/baseline.js';
import type { ConnectionDef } from '../model/config.js';
import type { ContractDef } from '../model/contract.js';
import type { Issue } from '../model/issue.js';
import type { HistogramValue, MetricResults, MetricSpec, TopValuesValue } from '../model/metric.js';
import { buildPlan } from '../plan/build-plan.js';
import type { DatasetPlan } from '../plan/build-plan.js';
import { execute } from './execute.js';

export interface SaveBaselineInput {
  /** Project root: sources resolve against it, and `dir` too. */
  cwd: string;
  contracts: ContractDef[];
  connections?: Record<string, ConnectionDef>;
  openers?: ConnectionOpeners;
  env?: NodeJS.ProcessEnv;
  /** Where the files go, relative to cwd (default `baselines`): one `<dataset>.json` each. */
  dir?: string;
  now?: Date;
}

/** One dataset's outcome: the file written (relative to cwd), or why it could not be. */
export type SavedBaseline = { dataset: string; file: string; columns: number } | { dataset: string; issue: Issue };

/** Quantiles a baseline records: deciles, min and max included. */
const PROBS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
const BINS = 10;

/** Column types a baseline describes; lists, structs and binary have no distribution drift compares. */
const DESCRIBED = new Set(['bool', 'int', 'float', 'decimal', 'string', 'date', 'timestamp']);

/**
 * `datacheck baseline save`: per dataset, every column's null count and exact value counts (up to
 * DRIFT_MAX_DISTINCT distinct values, the same limit drift checks keep), and for numbers and
 * dates a 10-bin histogram with its edges and the deciles, computed by the dataset's own engine
 * in one run (SQL where it is read in SQL). A pii column gets its null count only. Writes
 * `<dir>/<dataset>.json`; never touches the data.
 */
export async function saveBaselines(input: SaveBaselineInput): Promise<SavedBaseline[]> {
  const now = input.now ?? new Date();
  const connections = new ConnectionRegistry(input.connections ?? {}, { ...defaultOpeners(input.cwd), ...input.openers }, input.env);
  const dir = input.dir ?? 'baselines';
  const out: SavedBaseline[] = [];
  try {
    for (const contract of input.contracts) {
      const read = await decideRead(contract, { connections: input.connections ?? {}, baseDir: input.cwd });
      if (read.engine === 'none') {
        out.push({ dataset: contract.name, issue: read.issue });
        continue;
      }
      const plan = buildPlan(contract, [], {
        sampleSize: 0,
        parseWhere: () => {
          throw new Error('a baseline has no filters');
        },
        profile: baselineMetrics(contract),
      });
      const executed = await execute(
        { datasets: [{ plan, read, references: [], distributions: [] }], issues: [], baseDir: input.cwd },
        { now, connections },
      );
      const result = executed.datasets[0];
      if (result.issue) {
        out.push({ dataset: contract.name, issue: result.issue });
        continue;
      }
      const baseline = toBaseline(contract, plan, result.results, now);
      if ('code' in baseline) {
        out.push({ dataset: contract.name, issue: baseline });
        continue;
      }
      const file = path.join(dir, `${contract.name.replace(/[^\w.-]/g, '_')}.json`);
      await mkdir(path.resolve(input.cwd, dir), { recursive: true });
      await writeFile(path.resolve(input.cwd, file), baselineText(baseline));
      out.push({ dataset: contract.name, file, columns: Object.keys(baseline.columns).length });
    }
  } finally {
    await connections.closeAll();
  }
  return out;
}

function described(contract: ContractDef): [string, ContractDef['columns'][string]][] {
  return Object.entries(contract.columns).filter(([, c]) => DESCRIBED.has(c.type.type));
}

function columnMetrics(name: string, column: ContractDef['columns'][string]) {
  const specs = {
    nulls: { kind: 'null_count', column: name } as MetricSpec,
    values: { kind: 'top_values', column: name, k: DRIFT_MAX_DISTINCT, maxDistinct: DRIFT_MAX_DISTINCT } as MetricSpec,
    histogram: { kind: 'histogram', column: name, bins: BINS } as MetricSpec,
    quantiles: { kind: 'quantiles', column: name, probs: PROBS } as MetricSpec,
  };
  const wanted: MetricSpec[] = [specs.nulls];
  if (!column.pii) wanted.push(specs.values);
  if (!column.pii && isNumeric(column.type)) wanted.push(specs.histogram, specs.quantiles);
  return { specs, wanted };
}

function baselineMetrics(contract: ContractDef): MetricSpec[] {
  return [{ kind: 'row_count' }, ...described(contract).flatMap(([name, c]) => columnMetrics(name, c).wanted)];
}

function toBaseline(contract: ContractDef, plan: DatasetPlan, results: MetricResults, now: Date): BaselineFile | Issue {
  const read = <T>(spec: MetricSpec): T | Issue => {
    const address = plan.resolve(spec);
    const outcome = results.get(address.key);
    if (!outcome) return { code: 'engine.internal', message: `no result for ${spec.kind}` };
    if (!outcome.ok) return outcome.issue;
    return (address.pick ? address.pick.map((i) => (outcome.value as number[])[i]) : outcome.value) as T;
  };
  const isIssue = (v: unknown): v is Issue => typeof v === 'object' && v !== null && 'code' in v && 'message' in v;
  const rowCount = read<number>({ kind: 'row_count' });
  if (isIssue(rowCount)) return rowCount;
  const columns: Record<string, BaselineColumn> = {};
  for (const [name, c] of described(contract)) {
    const { specs } = columnMetrics(name, c);
    const nullCount = read<number>(specs.nulls);
    if (isIssue(nullCount)) return nullCount;
    const entry: BaselineColumn = { type: typeText(c.type), nullCount };
    columns[name] = entry;
    if (c.pii) {
      entry.pii = true;
      continue;
    }
    const top = read<TopValuesValue>(specs.values);
    if (isIssue(top)) return top;
    if (top.truncated) entry.truncated = true;
    else entry.values = [...top.top].sort((a, b) => compareValues(a.value, b.value)).map((t) => [t.value, t.count]);
    if (!isNumeric(c.type)) continue;
    const h = read<HistogramValue>(specs.histogram);
    const q = read<number[]>(specs.quantiles);
    if (isIssue(h)) return h;
    if (isIssue(q)) return q;
    if (h.min !== null && h.max !== null) {
      const [lo, hi] = [h.min, h.max];
      entry.histogram = { edges: equalWidthEdges(lo, hi, BINS), counts: h.counts };
      entry.quantiles = { probs: PROBS, values: q };
    }
  }
  return { datacheckBaseline: 1, dataset: contract.name, savedAt: now.toISOString(), rowCount, columns };
}

/**
 * Pretty JSON with each [value, count] pair and each list of numbers on one line, so a committed
 * baseline reads (and diffs) one value per line: the bundled payments baseline is 303 lines so, 1,181 with JSON.stringify(b, null, 2).
 */
export function baselineText(baseline: BaselineFile): string {
  return `${JSON.stringify(baseline, null, 2)
    .replace(/\[\n\s+("(?:[^"\\\n]|\\.)*"|[^\s[\],"]+),\n\s+(\d+)\n\s+\]/g, '[$1, $2]')
    .replace(
      /\[\n((?:\s+-?[\d.eE+-]+,?\n)+)\s+\]/g,
      (_, items: string) =>
        `[${items
          .trim()
          .split(/,?\n\s+/)
          .join(', ')}]`,
    )}\n`;
}
