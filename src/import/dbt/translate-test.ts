import type { Scalar } from '../../model/contract.js';
import { parseExpr } from '../../expr/parse-expr.js';
import type { DbtTest } from './dbt-yaml-model.js';
import { lit } from './ts-literal.js';

/** A contract modifier a dbt test becomes when it has dbt's default config (error, no where, any failure fails). */
export type ColumnPromise = { notNull: true } | { unique: true } | { oneOf: Scalar[] } | { references: string };

/** What one dbt test becomes: a promise in the contract, checks in the suite, the contract's freshness, or nothing (with why). */
export type Translation =
  | { to: 'contract'; promise: ColumnPromise }
  | { to: 'suite'; code: string }
  | { to: 'freshness'; column: string; within: string }
  | { to: 'none'; reason: string };

const DEFAULT_THRESHOLD = /^\s*(!=|<>|>)\s*0\s*$/;
const PERIODS: Record<string, string> = { minute: 'm', hour: 'h', day: 'd', week: 'w' };

/** The dataset a `ref('x')` / `source('s', 't')` names, as the importer names contracts. */
export function datasetOfRef(text: string): string | undefined {
  const ref = /^\s*ref\(\s*['"]([^'"]+)['"]\s*(?:,\s*['"]([^'"]+)['"]\s*)?\)\s*$/.exec(text);
  if (ref) return ref[2] ?? ref[1];
  const src = /^\s*source\(\s*['"]([^'"]+)['"]\s*,\s*['"]([^'"]+)['"]\s*\)\s*$/.exec(text);
  return src ? `${src[1]}__${src[2]}` : undefined;
}

/**
 * One dbt data test as datacheck checks. `column` is the column it is attached to (undefined
 * for a model-level test). Tests with dbt's default config become contract promises where the
 * contract has one; a severity, `where` or `warn_if`/`error_if` makes them suite checks carrying
 * the same config. What datacheck cannot express is returned as `none` with the reason.
 */
export function translateTest(test: DbtTest, column: string | undefined): Translation[] {
  const a = test.args;
  const col = (column ?? (typeof a.column_name === 'string' ? a.column_name : undefined)) as string | undefined;
  const none = (reason: string): Translation[] => [{ to: 'none', reason }];
  const needColumn = (): string | undefined => col;
  const mostly = typeof a.mostly === 'number' ? `{ mostly: ${a.mostly} }` : '';
  const c = (name: string) => `t.column(${lit(name)})`;
  const short = test.name.replace(/^(dbt_utils|dbt_expectations|dbt)\./, '');

  // Each known test: its contract promise (when one exists), its suite check, and how many rows fail (for thresholds).
  let promise: ColumnPromise | undefined;
  let suite: string | undefined;
  let failures: string | undefined;
  let where: string | undefined = test.where;
  switch (short) {
    case 'not_null':
    case 'expect_column_values_to_not_be_null': {
      const name = needColumn();
      if (!name) return none('not_null without a column');
      if (!mostly) promise = { notNull: true };
      suite = `${c(name)}.notNull(${mostly})`;
      failures = `${c(name)}.nullCount()`;
      break;
    }
    case 'unique':
    case 'expect_column_values_to_be_unique': {
      const name = needColumn();
      if (!name) return none('unique without a column');
      if (!mostly) promise = { unique: true };
      suite = `${c(name)}.unique(${mostly})`;
      break;
    }
    case 'accepted_values':
    case 'expect_column_values_to_be_in_set':
    case 'not_accepted_values':
    case 'expect_column_values_to_not_be_in_set': {
      const name = needColumn();
      const values = a.values ?? a.value_set;
      if (!name || !Array.isArray(values) || !values.every((v) => ['string', 'number', 'boolean'].includes(typeof v)))
        return none(`${test.name} needs a column and a list of plain values`);
      const negated = short.startsWith('not_') || short.includes('not_be_in');
      if (!negated && !mostly) promise = { oneOf: values as Scalar[] };
      suite = `${c(name)}.${negated ? 'noneOf' : 'oneOf'}(${lit(values)}${mostly ? `, ${mostly}` : ''})`;
      break;
    }
    case 'relationships': {
      const name = needColumn();
      const to = typeof a.to === 'string' ? datasetOfRef(a.to) : undefined;
      if (!name || !to || typeof a.field !== 'string') return none("relationships needs a column, to: ref('model') and field");
      if (!isDefault(test))
        return none(
          'a relationships test with a severity, where or threshold: datacheck states references in the contract only, with the default config',
        );
      return [{ to: 'contract', promise: { references: `${to}.${a.field}` } }];
    }
    case 'accepted_range':
    case 'expect_column_values_to_be_between': {
      const name = needColumn();
      const lo = a.min_value ?? null;
      const hi = a.max_value ?? null;
      if (!name || !isBoundValue(lo) || !isBoundValue(hi) || (lo === null && hi === null))
        return none(`${test.name} needs a column and numeric min_value/max_value (SQL expressions are not translated)`);
      const strict = a.inclusive === false || a.strictly === true;
      const opts = [mostly ? mostly.slice(2, -2) : '', strict && 'strict: true'].filter(Boolean).join(', ');
      suite = `${c(name)}.between(${lit(lo)}, ${lit(hi)}${opts ? `, { ${opts} }` : ''})`;
      break;
    }
    case 'unique_combination_of_columns': {
      const cols = a.combination_of_columns;
      if (!Array.isArray(cols) || !cols.every((x) => typeof x === 'string'))
        return none('unique_combination_of_columns needs combination_of_columns');
      suite = `t.unique(${lit(cols)})`;
      break;
    }
    case 'expression_is_true': {
      if (typeof a.expression !== 'string') return none('expression_is_true needs an expression');
      const expr = col ? `${quoteColumn(col)} ${a.expression}` : a.expression;
      if (!parses(expr)) return none(`the expression '${expr}' is not in datacheck's filter language`);
      const failing = `not (${expr})`;
      where = test.where ? `(${test.where}) and ${failing}` : failing;
      suite = 't.rowCount().equals(0)';
      failures = 't.rowCount()';
      break;
    }
    case 'not_null_proportion': {
      const name = needColumn();
      const atLeast = typeof a.at_least === 'number' ? a.at_least : undefined;
      if (!name || atLeast === undefined) return none('not_null_proportion needs a column and at_least');
      if (typeof a.at_most === 'number' && a.at_most < 1)
        return none('not_null_proportion with at_most: datacheck bounds the share of non-null rows from below only');
      suite = `${c(name)}.notNull({ mostly: ${atLeast} })`;
      break;
    }
    case 'expect_column_values_to_match_regex':
    case 'expect_column_values_to_not_match_regex': {
      const name = needColumn();
      if (!name || typeof a.regex !== 'string' || !validRegex(a.regex))
        return none(`${test.name} needs a column and a regex JavaScript can read`);
      const flags = a.flags === 'i' || a.is_case_insensitive === true ? ', i' : '';
      const re = `new RegExp(${lit(a.regex)}${flags ? ", 'i'" : ''})`;
      suite = `${c(name)}.${short.includes('not_match') ? 'notMatches' : 'matches'}(${re}${mostly ? `, ${mostly}` : ''})`;
      break;
    }
    case 'expect_column_value_lengths_to_be_between': {
      const name = needColumn();
      const lo = a.min_value ?? null;
      const hi = a.max_value ?? null;
      if (!name || !isNumberOrNull(lo) || !isNumberOrNull(hi)) return none(`${test.name} needs a column and numeric bounds`);
      suite = `${c(name)}.lengthBetween(${lit(lo)}, ${lit(hi)}${mostly ? `, ${mostly}` : ''})`;
      break;
    }
    case 'expect_table_row_count_to_be_between': {
      const lo = a.min_value ?? null;
      const hi = a.max_value ?? null;
      if (!isNumberOrNull(lo) || !isNumberOrNull(hi)) return none(`${test.name} needs numeric bounds`);
      suite = `t.rowCount().between(${lit(lo)}, ${lit(hi)})`;
      break;
    }
    case 'recency': {
      const unit = PERIODS[String(a.datepart ?? '')];
      if (typeof a.field !== 'string' || !unit || typeof a.interval !== 'number')
        return none('recency needs field, a datepart of minute, hour, day or week and a numeric interval');
      if (!isDefault(test))
        return none('a recency test with a severity, where or threshold: datacheck states freshness in the contract, as an error');
      return [{ to: 'freshness', column: a.field, within: `${a.interval}${unit}` }];
    }
    case 'equal_rowcount': {
      // dbt_utils applies a test's `where` to the model only, as datacheck's `.where()` filters this side only.
      const other = typeof a.compare_model === 'string' ? datasetOfRef(a.compare_model) : undefined;
      if (!other) return none("equal_rowcount needs compare_model as ref('...') or source('...', '...')");
      if (a.group_by_columns !== undefined) return none('equal_rowcount with group_by_columns: datacheck compares whole row counts');
      suite = `t.rowCount().equalsDataset(${lit(other)})`;
      break;
    }
    case 'fewer_rows_than':
      return none('datacheck compares row counts between datasets for equality (within a tolerance), not fewer');
    case 'cardinality_equality':
      return none('cardinality_equality compares per-value counts; datacheck compares key sets (keys().matchDataset), not counts');
    default:
      return none(`${test.name}: no datacheck check is known to mean the same`);
  }

  if (where !== undefined && !parses(where)) return none(`where '${where}' is not in datacheck's filter language`);
  const modifiers = (severity: 'error' | 'warn') =>
    `${severity === 'warn' ? '.warn()' : ''}${where ? `.where(${lit(where)})` : ''}${test.description ? `.title(${lit(test.description)})` : ''}`;
  const thresholds = [test.errorIf, test.warnIf].filter((x) => x !== undefined && !DEFAULT_THRESHOLD.test(x));
  if (thresholds.length === 0) {
    if (promise && isDefault(test) && where === undefined) return [{ to: 'contract', promise }];
    return [{ to: 'suite', code: `${suite}${modifiers(test.severity ?? 'error')}` }];
  }
  // warn_if / error_if compare the number of failing rows: a bound on that count, one check per severity.
  if (!failures)
    return none(`warn_if/error_if on ${test.name}: datacheck bounds failing rows as counts for not_null and expression_is_true only`);
  const out: Translation[] = [];
  const levels: ['error' | 'warn', string | undefined][] =
    test.severity === 'warn'
      ? [['warn', test.warnIf]]
      : [
          ['error', test.errorIf],
          ['warn', test.warnIf],
        ];
  for (const [severity, condition] of levels) {
    const bound = allowedFailures(condition ?? '!= 0');
    if (bound === undefined) return none(`the threshold '${condition}' of ${test.name}: only '> n', '>= n' and '!= 0' are translated`);
    out.push({ to: 'suite', code: `${failures}.atMost(${bound})${modifiers(severity)}` });
  }
  return out;
}

/** `> 10` fires above 10 failing rows, so at most 10 are allowed; `>= 10` allows 9; `!= 0` none. */
function allowedFailures(condition: string): number | undefined {
  if (DEFAULT_THRESHOLD.test(condition)) return 0;
  const m = /^\s*(>=|>)\s*(\d+)\s*$/.exec(condition);
  if (!m) return undefined;
  return m[1] === '>' ? Number(m[2]) : Math.max(0, Number(m[2]) - 1);
}

function isDefault(test: DbtTest): boolean {
  return (test.severity ?? 'error') === 'error' && test.where === undefined && test.description === undefined;
}

function isBoundValue(v: unknown): v is number | null {
  return v === null || typeof v === 'number';
}
const isNumberOrNull = isBoundValue;

function parses(expr: string): boolean {
  try {
    parseExpr(expr);
    return true;
  } catch {
    return false;
  }
}

function validRegex(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

function quoteColumn(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}
