import { inList, col } from '../expr/build.js';
import type { ContractDef } from '../model/contract.js';
import type { ExprLiteral } from '../model/expr.js';
import type { Issue } from '../model/issue.js';
import { isDatacheckError } from '../model/issue.js';
import type { MetricOutcome, MetricResults, MetricSpec, PlannedMetric } from '../model/metric.js';
import { metricKey } from '../plan/metric-key.js';
import type { OpenSource, OpenSourceContext, OpenedSource } from '../sources/source.js';
import { kindsOf } from '../engines/sql/sql-engine.js';
import { kindOfType, type ColumnKind } from '../engines/sql/column-kinds.js';
import { typeText } from '../checks/type-compat.js';
import { sqlDistinctKeys } from './sql-keys.js';

type OrphanSpec = Extract<MetricSpec, { kind: 'orphan_count' }>;

/**
 * Referential checks need another dataset's keys. The Arrow engine answers them as an ordinary
 * row-level metric: the referenced column's distinct values are read first (one pass over the
 * referenced source, usually a small dimension table), then `column in (keys)` is counted in the
 * main pass. Returns the metrics the engine must compute and a function that maps their results
 * back onto the `orphan_count` keys the checks ask for.
 */
export async function resolveOrphanMetrics(
  metrics: PlannedMetric[],
  contracts: Map<string, ContractDef>,
  openSource: OpenSource,
  baseDir: string,
  sql?: { main: OpenedSource; connections: OpenSourceContext['connections'] },
  contract?: ContractDef,
): Promise<{ metrics: PlannedMetric[]; finish(results: MetricResults): void }> {
  const out: PlannedMetric[] = [];
  const mapped: { orphanKey: string; via?: string; issue?: Issue }[] = [];
  for (const m of metrics) {
    if (m.spec.kind !== 'orphan_count') {
      out.push(m);
      continue;
    }
    const spec = m.spec as OrphanSpec;
    const mismatch = contract && keyTypeMismatch(spec, contract, contracts.get(spec.ref.dataset));
    if (mismatch) {
      mapped.push({ orphanKey: m.key, issue: mismatch });
      continue;
    }
    if (sql && (await joinInSql(spec, contracts, openSource, baseDir, sql))) {
      out.push(m);
      continue;
    }
    const keys = await loadKeys(spec, contracts, openSource, baseDir, sql?.connections);
    if ('issue' in keys) {
      mapped.push({ orphanKey: m.key, issue: keys.issue });
      continue;
    }
    const via: MetricSpec = {
      kind: 'predicate_failures',
      column: spec.columns[0],
      predicate: inList(col(spec.columns[0]), keys.values),
      sampleSize: spec.sampleSize,
    };
    const viaKey = metricKey(via);
    out.push({ key: viaKey, spec: via });
    mapped.push({ orphanKey: m.key, via: viaKey });
  }
  return {
    metrics: out,
    finish(results) {
      for (const { orphanKey, via, issue } of mapped) {
        const outcome: MetricOutcome | undefined = via ? results.get(via) : { ok: false, issue: issue! };
        if (outcome) results.set(orphanKey, outcome);
      }
    },
  };
}

/** Kinds whose values can equal each other. */
const KEY_FAMILY: Record<ColumnKind, string> = { number: 'number', float: 'number', string: 'string', bool: 'bool', date: 'temporal', timestamp: 'temporal', other: 'other' };

/**
 * Keys of different types never match, so every row would be an orphan (or, in SQL, the query
 * fails). Said in words, with the two declared types and never a key value: the referenced
 * column may be personal data, and its values could run to millions.
 */
function keyTypeMismatch(spec: OrphanSpec, contract: ContractDef, ref: ContractDef | undefined): Issue | undefined {
  const [column, refColumn] = [spec.columns[0], spec.ref.columns[0]];
  const own = contract.columns[column]?.type;
  const theirs = ref?.columns[refColumn]?.type;
  if (!own || !theirs) return undefined;
  const [a, b] = [KEY_FAMILY[kindOfType(own)], KEY_FAMILY[kindOfType(theirs)]];
  if (a === b || a === 'other' || b === 'other') return undefined;
  const ownText = `${contract.name}.${column} is ${typeText(own)}`;
  const theirText = `${ref!.name}.${refColumn} is ${typeText(theirs)}`;
  return {
    code: 'reference.type_mismatch',
    message: `${ownText}, ${theirText}: values of these types never match, so the reference cannot be checked`,
    location: contract.columns[column]?.location ?? contract.location,
    expected: `${column} of the type of ${ref!.name}.${refColumn} (${typeText(theirs)})`,
    found: typeText(own),
    hint: `declare both columns with the same type, or reference a column of type ${typeText(own)}`,
  };
}

/**
 * When this dataset and the referenced one are read on the same SQL connection (two tables of one
 * database, or two files DuckDB scans), the orphan count stays an `orphan_count` metric: the SQL
 * engine answers it with an anti-join, and no keys travel to the process.
 */
async function joinInSql(
  spec: OrphanSpec,
  contracts: Map<string, ContractDef>,
  openSource: OpenSource,
  baseDir: string,
  sql: { main: OpenedSource; connections: OpenSourceContext['connections'] },
): Promise<boolean> {
  const target = sql.main.sql;
  const ref = contracts.get(spec.ref.dataset);
  if (!target || !ref?.source) return false;
  try {
    const other = await openSource(ref.source, { contract: ref, baseDir, ...(sql.connections && { connections: sql.connections }) });
    if (!other.sql || other.sql.connection !== target.connection) return false;
    const columns = kindsOf(other.sql.view?.columns ?? (await other.sql.connection.describe(other.sql.relation)));
    target.references ??= new Map();
    target.references.set(spec.ref.dataset, { from: other.sql.view?.from ?? { t: 'relation', relation: other.sql.relation }, columns });
    return true;
  } catch {
    return false; // the keys path below reports the problem
  }
}

async function loadKeys(
  spec: OrphanSpec,
  contracts: Map<string, ContractDef>,
  openSource: OpenSource,
  baseDir: string,
  connections?: OpenSourceContext['connections'],
): Promise<{ values: ExprLiteral[] } | { issue: Issue }> {
  const ref = contracts.get(spec.ref.dataset);
  const column = spec.ref.columns[0];
  if (!ref) {
    return { issue: { code: 'reference.unknown_dataset', message: `no contract named '${spec.ref.dataset}' was found for this reference`, expected: 'a contract with that name among the discovered files', found: spec.ref.dataset } };
  }
  if (!ref.source) {
    return { issue: { code: 'reference.no_source', message: `contract '${ref.name}' has no source to read its keys from`, location: ref.location } };
  }
  try {
    const source = await openSource(ref.source, { contract: ref, baseDir, ...(connections && { connections }) });
    if (source.sql) return await sqlDistinctKeys(source, column);
    const values = new Set<ExprLiteral>();
    for await (const { batch } of source.batches()) {
      const vector = batch.getChild(column);
      if (!vector) {
        return { issue: { code: 'reference.unknown_column', message: `${source.description} has no column '${column}'`, expected: column, found: batch.schema.fields.map((f) => f.name).join(', ') } };
      }
      for (const v of vector) {
        if (v === null || v === undefined) continue;
        values.add(typeof v === 'bigint' ? Number(v) : (v as ExprLiteral));
      }
    }
    return { values: [...values] };
  } catch (e) {
    if (isDatacheckError(e)) return { issue: e.issue };
    return { issue: { code: 'reference.read', message: `could not read the keys of '${ref.name}': ${(e as Error).message}` } };
  }
}
