import type { ColumnDef, ContractDef, Scalar } from '../../model/contract.js';
import type { Issue } from '../../model/issue.js';
import { isDatacheckError } from '../../model/issue.js';
import { checkBoundOrder } from '../../dsl/validate.js';
import { compileRegex } from '../../expr/regex-cache.js';

/**
 * Contradictions in contracts: rules that no data could satisfy together, or that name what does
 * not exist. Each finding points at the column's declaration (file and line).
 *
 * Bounds whose lower end lies above the upper one are the DSL's own refusal (checkBoundOrder):
 * a contract written with `col` never loads with one, and the lint command reports that load
 * error; the same function runs here for contracts that did not come through the DSL.
 */
export function lintContracts(contracts: ContractDef[]): Issue[] {
  const byName = new Map(contracts.map((c) => [c.name, c]));
  return contracts.flatMap((contract) => [
    ...Object.entries(contract.columns).flatMap(([name, column]) => lintColumn(contract, name, column, byName)),
    ...lintCompoundKey(contract),
  ]);
}

function lintColumn(contract: ContractDef, name: string, column: ColumnDef, byName: Map<string, ContractDef>): Issue[] {
  const at = `${contract.name}.${name}`;
  const location = column.location ?? contract.location;
  const found: Issue[] = [];
  const push = (issue: Omit<Issue, 'location'>) => found.push({ ...issue, location });

  for (const [lo, hi, what] of [
    [column.min, column.max, 'min/max'],
    [column.length?.min, column.length?.max, 'length()'],
  ] as const) {
    try {
      checkBoundOrder(lo, hi, `${at}: ${what}`, location, { code: 'lint.empty_bound' });
    } catch (e) {
      if (isDatacheckError(e)) found.push(e.issue);
      else throw e;
    }
  }

  if (column.primaryKey && column.nullable) {
    push({
      code: 'lint.nullable_key',
      message: `${at} is the primary key and nullable: a key value is never null`,
      expected: 'a key column without .nullable()',
      found: '.primaryKey() with .nullable()',
    });
  }

  const allowed = column.oneOf ?? [];
  if (column.pattern !== undefined && allowed.length > 0) {
    const re = compileRegex(column.pattern, column.patternFlags ?? '');
    const rejected = allowed.filter((v) => typeof v === 'string' && !re.test(v));
    if (rejected.length > 0) {
      push({
        code: 'lint.pattern_rejects_allowed',
        message: `${at}: the pattern /${column.pattern}/${column.patternFlags ?? ''} rejects ${rejected.length === allowed.length ? 'every allowed value' : `${rejected.length} of the ${allowed.length} allowed values`}`,
        expected: 'allowed values the pattern matches',
        found: list(rejected),
      });
    }
  }
  const outside = allowed.filter((v) => outsideBounds(v, column));
  if (outside.length > 0) {
    push({
      code: 'lint.allowed_outside_bounds',
      message: `${at}: allowed value${outside.length === 1 ? '' : 's'} ${list(outside)} outside the column's bounds`,
      expected: boundsText(column),
      found: list(outside),
    });
  }

  if (column.references !== undefined) {
    const [dataset, refColumn] = splitReference(column.references);
    const target = byName.get(dataset);
    if (!target) {
      push({
        code: 'lint.unknown_reference',
        message: `${at} references '${column.references}', but no contract is named '${dataset}'`,
        expected: `a contract among: ${[...byName.keys()].sort().join(', ')}`,
        found: dataset,
      });
    } else if (!(refColumn in target.columns)) {
      push({
        code: 'lint.unknown_reference',
        message: `${at} references '${column.references}', but contract '${dataset}' has no column '${refColumn}'`,
        expected: `a column of ${dataset}: ${Object.keys(target.columns).join(', ')}`,
        found: refColumn,
      });
    }
  }
  return found;
}

function lintCompoundKey(contract: ContractDef): Issue[] {
  const nullable = (contract.primaryKey ?? []).filter((c) => contract.columns[c]?.nullable);
  if (nullable.length === 0) return [];
  return [
    {
      code: 'lint.nullable_key',
      message: `${contract.name}: primaryKey [${contract.primaryKey!.join(', ')}] has nullable column${nullable.length === 1 ? '' : 's'} ${nullable.join(', ')}: a key value is never null`,
      location: contract.columns[nullable[0]].location ?? contract.location,
      expected: 'key columns without .nullable()',
      found: nullable.map((c) => `${c}: .nullable()`).join(', '),
    },
  ];
}

function splitReference(ref: string): [string, string] {
  const dot = ref.lastIndexOf('.');
  return [ref.slice(0, dot), ref.slice(dot + 1)];
}

/** An allowed value the column's own min/max or length bounds refuse (numbers with numbers, strings by length). */
function outsideBounds(v: Scalar, c: ColumnDef): boolean {
  if (typeof v === 'number') return (typeof c.min === 'number' && v < c.min) || (typeof c.max === 'number' && v > c.max);
  if (typeof v === 'string' && c.length) {
    const n = [...v].length;
    return (c.length.min !== undefined && n < c.length.min) || (c.length.max !== undefined && n > c.length.max);
  }
  return false;
}

function boundsText(c: ColumnDef): string {
  const parts: string[] = [];
  if (c.min !== undefined || c.max !== undefined) parts.push(`between ${c.min ?? '-∞'} and ${c.max ?? '∞'}`);
  if (c.length) parts.push(`length ${c.length.min ?? 0} to ${c.length.max ?? '∞'}`);
  return parts.join(', ');
}

const list = (values: Scalar[]) => values.map((v) => JSON.stringify(typeof v === 'bigint' ? String(v) : v)).join(', ');
