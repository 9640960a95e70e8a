import type { ContractDef } from '../model/contract.js';
import type { Issue } from '../model/issue.js';
import type { MetricSpec, PlannedMetric } from '../model/metric.js';
import type { ReadPlan } from './read-plan.js';
import { type ColumnKind, kindOfType } from '../engines/sql/column-kinds.js';
import { typeText } from '../checks/type-compat.js';

type OrphanSpec = Extract<MetricSpec, { kind: 'orphan_count' }>;
type SqlRead = Extract<ReadPlan, { engine: 'sql' }>;

/**
 * How one referential check (`orphan_count` metric) is answered, decided before anything runs:
 * - `anti_join`: both datasets are read on one SQL connection; the SQL engine joins them there and
 *   no key leaves the database.
 * - `keys`: the referenced column's distinct keys are fetched first (streamed into a set; SELECT
 *   DISTINCT when the referenced data is read in SQL), then the referencing rows are checked
 *   where they are read: `column in (keys)` in the Arrow engine's pass, or a bound list in SQL.
 * - `unanswerable`: the referenced dataset cannot be read; the check reports why.
 */
export type ReferencePlan =
  | { metric: string; dataset: string; how: 'anti_join'; read: SqlRead; contract: ContractDef }
  | {
      metric: string;
      dataset: string;
      how: 'keys';
      column: string;
      keyColumn: string;
      sampleSize: number;
      read: Exclude<ReadPlan, { engine: 'none' }>;
      contract: ContractDef;
      checkedIn: 'arrow' | 'duckdb' | 'postgres' | 'clickhouse';
    }
  | { metric: string; dataset: string; how: 'unanswerable'; issue: Issue };

/** A dataset of the run as the references see it: its contract and how it is read. */
export interface ReadableDataset {
  contract: ContractDef;
  read: ReadPlan;
}

/** The reference plan of each `orphan_count` metric of a dataset read as `read`. */
export function planReferences(
  metrics: PlannedMetric[],
  read: ReadPlan,
  datasets: Map<string, ReadableDataset>,
  contract?: ContractDef,
): ReferencePlan[] {
  const plans: ReferencePlan[] = [];
  for (const m of metrics) {
    if (m.spec.kind !== 'orphan_count') continue;
    plans.push(planReference(m.key, m.spec, read, datasets, contract));
  }
  return plans;
}

function planReference(
  metric: string,
  spec: OrphanSpec,
  read: ReadPlan,
  datasets: Map<string, ReadableDataset>,
  contract: ContractDef | undefined,
): ReferencePlan {
  const dataset = spec.ref.dataset;
  const unanswerable = (issue: Issue): ReferencePlan => ({ metric, dataset, how: 'unanswerable', issue });
  const other = datasets.get(dataset);
  if (!other) {
    return unanswerable({
      code: 'reference.unknown_dataset',
      message: `no contract named '${dataset}' was found for this reference`,
      expected: 'a contract with that name among the discovered files',
      found: dataset,
    });
  }
  if (!other.contract.source) {
    return unanswerable({
      code: 'reference.no_source',
      message: `contract '${dataset}' has no source to read its keys from`,
      location: other.contract.location,
    });
  }
  if (other.read.engine === 'none') return unanswerable(other.read.issue);
  const mismatch = keyTypeMismatch(spec, contract, other.contract);
  if (mismatch) return unanswerable(mismatch);
  if (read.engine === 'sql' && other.read.engine === 'sql' && read.connection === other.read.connection) {
    return { metric, dataset, how: 'anti_join', read: other.read, contract: other.contract };
  }
  return {
    metric,
    dataset,
    how: 'keys',
    column: spec.columns[0],
    keyColumn: spec.ref.columns[0],
    sampleSize: spec.sampleSize,
    read: other.read,
    contract: other.contract,
    checkedIn: read.engine === 'sql' ? read.dialect : 'arrow',
  };
}

/** Kinds whose values can equal each other. */
const KEY_FAMILY: Record<ColumnKind, string> = {
  number: 'number',
  float: 'number',
  string: 'string',
  bool: 'bool',
  date: 'temporal',
  timestamp: 'temporal',
  other: 'other',
};

/**
 * Keys of different types never match, so every row would be an orphan (or, in SQL, the query
 * fails). Said in words, with the two declared types and never a key value: the referenced
 * column may be personal data, and its values could run to millions.
 */
function keyTypeMismatch(spec: OrphanSpec, contract: ContractDef | undefined, ref: ContractDef): Issue | undefined {
  if (!contract) return undefined;
  const [column, refColumn] = [spec.columns[0], spec.ref.columns[0]];
  const own = contract.columns[column]?.type;
  const theirs = ref.columns[refColumn]?.type;
  if (!own || !theirs) return undefined;
  const [a, b] = [KEY_FAMILY[kindOfType(own)], KEY_FAMILY[kindOfType(theirs)]];
  if (a === b || a === 'other' || b === 'other') return undefined;
  return {
    code: 'reference.type_mismatch',
    message: `${contract.name}.${column} is ${typeText(own)}, ${ref.name}.${refColumn} is ${typeText(theirs)}: values of these types never match, so the reference cannot be checked`,
    location: contract.columns[column]?.location ?? contract.location,
    expected: `${column} of the type of ${ref.name}.${refColumn} (${typeText(theirs)})`,
    found: typeText(own),
    hint: `declare both columns with the same type, or reference a column of type ${typeText(own)}`,
  };
}
