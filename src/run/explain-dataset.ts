import { compilePlan } from '../engines/sql/compile-plan.js';
import type { From } from '../engines/sql/ast.js';
import type { ColumnKinds } from '../engines/sql/column-kinds.js';
import { kindOfType } from '../engines/sql/column-kinds.js';
import type { Dialect } from '../engines/sql/dialect.js';
import { DIALECTS } from '../engines/sql/dialects/index.js';
import { explainPlan, formatExplained } from '../engines/sql/explain.js';
import type { SqlRelation } from '../engines/sql/sql-connection.js';
import type { ConnectionDef } from '../model/config.js';
import type { ContractDef } from '../model/contract.js';
import type { PlannedMetric } from '../model/metric.js';
import type { DatasetPlan } from '../plan/build-plan.js';
import { detectFormat } from '../sources/detect-format.js';
import { csvGoesToDuckdb, typedView } from '../sources/duckdb-files.js';
import { resolveFiles } from '../sources/resolve-files.js';
import { describeSource } from '../sources/describe-source.js';

/** Where a dataset's metrics would run: SQL on a named engine, or streamed through Arrow. */
export type EngineChoice =
  | { engine: 'arrow'; why: string }
  | { engine: 'sql'; dialect: Dialect['name']; from: From; connection: string; rawColumns?: Map<string, string> };

/**
 * Decides the engine for a dataset from its source definition alone: files are only listed (never
 * read), connections never opened. Mirrors open-source.ts and duckdb-files.ts.
 */
export async function chooseEngine(contract: ContractDef, connections: Record<string, ConnectionDef>, cwd: string): Promise<EngineChoice> {
  const source = contract.source;
  if (!source) return { engine: 'arrow', why: 'the contract has no source' };
  if ('table' in source || 'query' in source) {
    const def = connections[source.connection];
    if (!def) return { engine: 'arrow', why: `no connection named '${source.connection}' in the config` };
    const relation: SqlRelation = 'table' in source ? { kind: 'table', parts: source.table.split('.') } : { kind: 'query', sql: source.query };
    return { engine: 'sql', dialect: def.kind, from: { t: 'relation', relation }, connection: source.connection };
  }
  if (!('file' in source)) return { engine: 'arrow', why: 'dbt sources are not read yet' };
  if (source.engine === 'arrow') return { engine: 'arrow', why: "the source says engine: 'arrow'" };
  const files = await resolveFiles(Array.isArray(source.file) ? source.file : [source.file], cwd);
  const formats = files.map((f) => detectFormat(f.display, source.format));
  const paths = files.map((f) => f.absolute);
  if (formats.every((f) => f.format === 'parquet' && !f.gzip)) {
    return { engine: 'sql', dialect: 'duckdb', connection: 'duckdb://memory', from: { t: 'relation', relation: { kind: 'files', format: 'parquet', paths } } };
  }
  if (formats.every((f) => f.format === 'csv' || f.format === 'tsv') && csvGoesToDuckdb(source, files)) {
    const relation: SqlRelation = { kind: 'files', format: 'csv', paths, options: { all_varchar: true } };
    const view = typedView(relation, Object.keys(contract.columns), contract);
    return { engine: 'sql', dialect: 'duckdb', connection: 'duckdb://memory', from: view.from, rawColumns: view.rawColumns };
  }
  const kinds = [...new Set(formats.map((f) => f.format))].join(', ');
  const why = kinds === 'csv' || kinds === 'tsv' ? `${kinds} under 64 MiB is read by datacheck's own reader (failing rows keep their source lines)` : `${kinds} files are read by datacheck's own readers`;
  return { engine: 'arrow', why };
}

/** The text `datacheck plan` prints for one dataset: engine, metrics by canonical key, exact SQL. */
export async function explainDataset(plan: DatasetPlan, connections: Record<string, ConnectionDef>, cwd: string, now: Date, dialectOverride?: Dialect['name']): Promise<string> {
  const { contract } = plan;
  const choice = await chooseEngine(contract, connections, cwd);
  const head = `dataset ${contract.name} (${contract.source ? describeSource(contract.source) : 'no source'})`;
  const metricLines = plan.metrics.map((m, i) => `  #${i} ${m.key}`);
  if (choice.engine === 'arrow' && !dialectOverride) {
    return [`${head}: Arrow engine, ${choice.why}`, 'metrics:', ...metricLines, '-- no SQL: rows are streamed through the Arrow engine', ''].join('\n');
  }
  const dialect = DIALECTS[dialectOverride ?? (choice.engine === 'sql' ? choice.dialect : 'duckdb')];
  const from: From = choice.engine === 'sql' ? choice.from : { t: 'relation', relation: { kind: 'table', parts: [contract.name] } };
  const columns: ColumnKinds = new Map(Object.entries(contract.columns).map(([name, c]) => [name, kindOfType(c.type, { decimalNaN: dialect.decimalNaN })]));
  const orphanNotes: string[] = [];
  const metrics: PlannedMetric[] = plan.metrics.filter((m) => {
    if (m.spec.kind !== 'orphan_count') return true;
    orphanNotes.push(`-- #${plan.metrics.indexOf(m)}: keys of ${m.spec.ref.dataset}.${m.spec.ref.columns.join(', ')} are read first (an anti-join when both datasets live on one connection)`);
    return false;
  });
  const compiled = compilePlan({ dialect, from, columns, metrics, nowMs: now.getTime(), ...(choice.engine === 'sql' && choice.rawColumns && { rawColumns: choice.rawColumns }) });
  const where = choice.engine === 'sql' ? `${dialect.name} on ${choice.connection}` : `${dialect.name} (rendered on request; this dataset runs on Arrow)`;
  return [`${head}: SQL, ${where}`, 'metrics:', ...metricLines, formatExplained(explainPlan(compiled, dialect), plan.metrics), ...orphanNotes, ''].join('\n');
}
