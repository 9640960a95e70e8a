import { compilePlan } from '../engines/sql/compile-plan.js';
import type { From } from '../engines/sql/ast.js';
import type { ColumnKinds } from '../engines/sql/column-kinds.js';
import { kindOfType } from '../engines/sql/column-kinds.js';
import type { Dialect } from '../engines/sql/dialect.js';
import { DIALECTS } from '../engines/sql/dialects/index.js';
import { explainPlan, formatExplained } from '../engines/sql/explain.js';
import type { ContractDef } from '../model/contract.js';
import type { DatasetPlan } from '../plan/build-plan.js';
import { describeSource } from '../sources/describe-source.js';
import { typedView } from './duckdb-files.js';
import type { ReferencePlan } from './plan-references.js';
import type { DistributionPlan } from './plan-distributions.js';
import type { DatasetMetricPlan } from './plan-dataset-metrics.js';
import type { ReadPlan } from './read-plan.js';

/** One dataset as `datacheck plan` shows it: the metrics it planned, how it is read, how its references are answered. */
export interface ExplainInput {
  plan: DatasetPlan;
  read: ReadPlan;
  references: ReferencePlan[];
  /** How drift checks' reference distributions are answered (absent: none). */
  distributions?: DistributionPlan[];
  /** How the other sides of reconciliations are answered (absent: none). */
  datasetMetrics?: DatasetMetricPlan[];
}

/**
 * The text `datacheck plan` prints for one dataset: the read decision the run executes, the
 * metrics by canonical key, and the exact SQL with its parameters. The columns come from the
 * contract (nothing is opened); a typed CSV view then lists the contract's columns, where the run
 * lists the file header's.
 */
export function explainDataset(
  { plan, read, references, distributions = [], datasetMetrics = [] }: ExplainInput,
  now: Date,
  dialectOverride?: Dialect['name'],
): string {
  const { contract } = plan;
  const head = `dataset ${contract.name} (${contract.source ? describeSource(contract.source) : 'no source'})`;
  const metricLines = plan.metrics.map((m, i) => `  #${i} ${m.key}`);
  const index = (key: string) => plan.metrics.findIndex((m) => m.key === key);
  const notes = [
    ...references.map((r) => `-- #${index(r.metric)}: ${referenceNote(r)}`),
    ...distributions.map((d) => `-- #${index(d.metric)}: ${distributionNote(d)}`),
    ...datasetMetrics.map((d) => `-- #${index(d.metric)}: ${datasetMetricNote(d)}`),
  ];
  if (read.engine === 'none') return [`${head}: cannot be read: ${read.issue.message}`, 'metrics:', ...metricLines, ''].join('\n');
  if (read.engine === 'arrow' && !dialectOverride) {
    return [
      `${head}: Arrow engine, ${read.why}`,
      'metrics:',
      ...metricLines,
      '-- no SQL: rows are streamed through the Arrow engine',
      ...notes,
      '',
    ].join('\n');
  }
  const dialect = DIALECTS[dialectOverride ?? (read.engine === 'sql' ? read.dialect : 'duckdb')];
  const view = read.engine === 'sql' && read.typedCsv ? typedView(read.relation, Object.keys(contract.columns), contract) : undefined;
  const from: From =
    view?.from ??
    (read.engine === 'sql'
      ? { t: 'relation', relation: read.relation }
      : { t: 'relation', relation: { kind: 'table', parts: [contract.name] } });
  const sqlReferences = new Map<string, { from: From; columns: ColumnKinds }>();
  for (const r of references) if (r.how === 'anti_join') sqlReferences.set(r.dataset, relationOf(r.read, r.contract, dialect));
  // Keys fetched at run time are bound then: those metrics have no SQL to show before.
  const keyed = new Set(references.filter((r) => r.how !== 'anti_join').map((r) => r.metric));
  const compiled = compilePlan({
    dialect,
    from,
    columns: kindsOfContract(contract, dialect),
    metrics: plan.metrics.filter((m) => !keyed.has(m.key)),
    nowMs: now.getTime(),
    ...(view && { rawColumns: view.rawColumns }),
    ...(sqlReferences.size > 0 && { references: sqlReferences }),
  });
  const where =
    read.engine === 'sql' ? `${dialect.name} on ${read.connection}` : `${dialect.name} (rendered on request; this dataset runs on Arrow)`;
  return [
    `${head}: SQL, ${where}`,
    'metrics:',
    ...metricLines,
    formatExplained(explainPlan(compiled, dialect), plan.metrics),
    ...notes,
    '',
  ].join('\n');
}

function referenceNote(r: ReferencePlan): string {
  if (r.how === 'unanswerable') return `references ${r.dataset}: cannot be answered: ${r.issue.message}`;
  if (r.how === 'anti_join') return `references ${r.dataset}: an anti-join on the same connection`;
  const fetched = r.read.engine === 'sql' ? `SELECT DISTINCT on ${r.read.connection}` : 'streamed from its files';
  const checked = r.checkedIn === 'arrow' ? "the Arrow engine's pass" : 'a list of bound values in SQL';
  return `references ${r.dataset}: the distinct keys of ${r.dataset}.${r.keyColumn} are fetched first (${fetched}), then ${r.column} is checked against them in ${checked}`;
}

function distributionNote(d: DistributionPlan): string {
  if (d.how === 'unanswerable') return `drift reference cannot be answered: ${d.issue.message}`;
  if (d.how === 'baseline') return `drift reference: the value counts of ${d.column} in the baseline file ${d.shownAs}`;
  const where = d.read.engine === 'sql' ? `a GROUP BY on ${d.read.connection}` : 'streamed from its files';
  return `drift reference: the value counts of ${d.dataset}.${d.spec.column}, computed first (${where})`;
}

function datasetMetricNote(d: DatasetMetricPlan): string {
  if (d.how === 'unanswerable') return `reconciliation cannot be answered: ${d.issue.message}`;
  const where = d.read.engine === 'sql' ? `in SQL on ${d.read.connection}` : 'streamed from its files';
  return `reconciliation: ${d.spec.kind} of ${d.dataset}, computed first (${where})`;
}

function kindsOfContract(contract: ContractDef, dialect: Dialect): ColumnKinds {
  return new Map(Object.entries(contract.columns).map(([name, c]) => [name, kindOfType(c.type, { decimalNaN: dialect.decimalNaN })]));
}

function relationOf(
  read: Extract<ReadPlan, { engine: 'sql' }>,
  contract: ContractDef,
  dialect: Dialect,
): { from: From; columns: ColumnKinds } {
  const view = read.typedCsv ? typedView(read.relation, Object.keys(contract.columns), contract) : undefined;
  return { from: view?.from ?? { t: 'relation', relation: read.relation }, columns: kindsOfContract(contract, dialect) };
}
