import type { DbtNodeSpec, DbtTest } from './dbt-yaml-model.js';
import { builderOfSqlType } from './column-types.js';
import { commentText, lit } from './ts-literal.js';
import { datasetOfRef, translateTest } from './translate-test.js';
import type { ColumnPromise } from './translate-test.js';

/** A dbt test (or constraint) the importer could not express, and why: printed and written into the file. */
export interface Untranslated {
  /** `orders.status`, or `orders` for a model-level test. */
  where: string;
  test: string;
  reason: string;
}

export interface RenderedNode {
  /** Absent when no column has a known type: a contract without columns does not load, so nothing is written (and that is listed). */
  contract?: string;
  /** Absent when every test became a contract promise. */
  suite?: string;
  untranslated: Untranslated[];
}

/** What the importer knows of a relation beyond its YAML: the warehouse's columns (in order, typed) and rendered descriptions. */
export interface NodeFacts {
  /** Column name -> `col.*()` builder, in the relation's order; absent when the warehouse could not be asked. */
  columnTypes?: Map<string, string>;
  /** Descriptions dbt rendered (`{{ doc('...') }}` resolved), from the manifest. */
  descriptions?: { node?: string; columns: Record<string, string> };
}

interface ColumnPlan {
  builder: string;
  notNull: boolean;
  unique: boolean;
  primaryKey: boolean;
  oneOf?: unknown[];
  references?: string;
  description?: string;
  pii: boolean;
}

/** The `.contract.ts` and `.check.ts` text for one dbt node. */
export function renderNode(spec: DbtNodeSpec, facts: NodeFacts): RenderedNode {
  const untranslated: Untranslated[] = [];
  const suite: string[] = [];
  const skip = (where: string, test: string, reason: string) => untranslated.push({ where, test, reason });
  const yamlColumns = new Map(spec.columns.map((c) => [c.name, c]));
  const order = facts.columnTypes ? [...facts.columnTypes.keys()] : spec.columns.map((c) => c.name);
  const plans = new Map<string, ColumnPlan>();
  for (const name of order) {
    const y = yamlColumns.get(name);
    const builder = (y?.dataType && builderOfSqlType(y.dataType)) || facts.columnTypes?.get(name);
    if (!builder) continue;
    const description = descriptionOf(y?.description, facts.descriptions?.columns[name]);
    plans.set(name, {
      builder,
      notNull: false,
      unique: false,
      primaryKey: false,
      pii: y?.pii ?? false,
      ...(description && { description }),
    });
  }
  for (const y of spec.columns) {
    if (plans.has(y.name)) continue;
    const why =
      facts.columnTypes?.has(y.name) || !facts.columnTypes
        ? 'its type is unknown (no data_type, and the warehouse was not reachable)'
        : 'the relation has no such column';
    if (y.tests.length + y.constraints.length === 0) skip(`${spec.dataset}.${y.name}`, 'column', why);
    for (const t of y.tests) skip(`${spec.dataset}.${y.name}`, t.name, `column left out of the contract: ${why}`);
    for (const c of y.constraints) skip(`${spec.dataset}.${y.name}`, `constraint ${c.type}`, `column left out of the contract: ${why}`);
  }

  const apply = (column: string, promise: ColumnPromise, test: string) => {
    const p = plans.get(column)!;
    if ('notNull' in promise) p.notNull = true;
    else if ('unique' in promise) p.unique = true;
    else if ('references' in promise) {
      if (p.references) skip(`${spec.dataset}.${column}`, test, 'a second reference: a contract column references one dataset');
      else p.references = promise.references;
    } else if (p.oneOf) suite.push(`t.column(${lit(column)}).oneOf(${lit(promise.oneOf)})`);
    else p.oneOf = promise.oneOf;
  };
  let freshness: string | undefined;
  const translate = (test: DbtTest, column: string | undefined) => {
    const where = column ? `${spec.dataset}.${column}` : spec.dataset;
    for (const t of translateTest(test, column)) {
      if (t.to === 'none') skip(where, test.name, t.reason);
      else if (t.to === 'suite') suite.push(t.code);
      else if (t.to === 'freshness') {
        if (!plans.has(t.column)) skip(where, test.name, `the column ${t.column} is not in the contract`);
        else freshness = `{ column: ${lit(t.column)}, within: ${lit(t.within)} }`;
      } else {
        const target = column ?? (typeof test.args.column_name === 'string' ? test.args.column_name : undefined);
        if (target && plans.has(target)) apply(target, t.promise, test.name);
        else skip(where, test.name, 'no such column in the contract');
      }
    }
  };
  for (const y of spec.columns) {
    if (!plans.has(y.name)) continue;
    for (const test of y.tests) translate(test, y.name);
    for (const c of y.constraints) constrain(c.type, [y.name], c);
  }
  for (const test of spec.tests) translate(test, undefined);
  if (spec.freshness) {
    const f = spec.freshness;
    const unit = { minute: 'm', hour: 'h', day: 'd' }[f.period];
    if (f.severity === 'warn')
      skip(spec.dataset, 'freshness warn_after', 'a contract states freshness as an error; only error_after is translated');
    else if (!unit || !plans.has(f.column))
      skip(spec.dataset, 'freshness', `needs a period of minute, hour or day and loaded_at_field ${f.column} in the contract`);
    else freshness = `{ column: ${lit(f.column)}, within: ${lit(`${f.count}${unit}`)} }`;
  }
  let primaryKey: string[] | undefined;
  for (const c of spec.constraints) constrain(c.type, c.columns ?? [], c);

  function constrain(type: string, columns: string[], c: { expression?: string; to?: string; toColumns?: string[] }) {
    const where = `${spec.dataset}${columns.length === 1 ? `.${columns[0]}` : ''}`;
    const missing = columns.filter((n) => !plans.has(n));
    if (columns.length === 0 || missing.length)
      return skip(where, `constraint ${type}`, `needs columns of the contract${missing.length ? ` (not: ${missing.join(', ')})` : ''}`);
    if (type === 'not_null') for (const n of columns) plans.get(n)!.notNull = true;
    else if (type === 'primary_key' && columns.length === 1) plans.get(columns[0])!.primaryKey = true;
    else if (type === 'primary_key') primaryKey = columns;
    else if (type === 'unique' && columns.length === 1) plans.get(columns[0])!.unique = true;
    else if (type === 'unique') suite.push(`t.unique(${lit(columns)})`);
    else if (type === 'foreign_key' && columns.length === 1 && c.to && datasetOfRef(c.to) && c.toColumns?.length === 1)
      apply(columns[0], { references: `${datasetOfRef(c.to)}.${c.toColumns[0]}` }, 'constraint foreign_key');
    else
      skip(
        where,
        `constraint ${type}`,
        `${c.expression ? `'${c.expression}': ` : ''}a ${type} constraint has no datacheck equivalent; the database enforces it when dbt builds the model`,
      );
  }

  if (plans.size === 0) {
    skip(
      spec.dataset,
      'contract',
      'no column with a known type (declare data_type, or import where the dbt target is reachable): no file written',
    );
    for (const line of suite) skip(spec.dataset, line, 'a suite check of a contract that was not written');
    return { untranslated };
  }
  const description = descriptionOf(spec.description, facts.descriptions?.node);
  const header = headerComment(spec, untranslated);
  const lines = [
    "import { col, defineContract } from 'datacheck';",
    '',
    ...header,
    ...(description ? [`/** ${commentText(description)} */`] : []),
    'export default defineContract({',
    `  name: ${lit(spec.dataset)},`,
    ...(description ? [`  description: ${lit(description)},`] : []),
    `  source: { dbt: ${lit(spec.dbtName)} },`,
    '  columns: {',
    ...[...plans].map(([name, p]) => `    ${key(name)}: ${columnCode(p)},`),
    '  },',
    ...(primaryKey ? [`  primaryKey: ${lit(primaryKey)},`] : []),
    // An enforced dbt contract promises exactly these columns: extra ones fail, as in dbt.
    ...(spec.enforced ? ["  extraColumns: 'forbid',"] : []),
    ...(freshness ? [`  freshness: ${freshness},`] : []),
    '});',
    '',
  ];
  const rendered: RenderedNode = { contract: lines.join('\n'), untranslated };
  if (suite.length) {
    rendered.suite = [
      "import { defineSuite } from 'datacheck';",
      `import contract from ${lit(`./${spec.dataset}.contract`)};`,
      '',
      `// dbt tests of ${spec.file} with a severity, a where or thresholds, or without a contract equivalent.`,
      'export default defineSuite(contract, (t) => [',
      ...suite.map((s) => `  ${s},`),
      ']);',
      '',
    ].join('\n');
  }
  return rendered;
}

function columnCode(p: ColumnPlan): string {
  let s = p.builder;
  if (!p.notNull && !p.primaryKey) s += '.nullable()';
  if (p.primaryKey) s += '.primaryKey()';
  else if (p.unique) s += '.unique()';
  if (p.oneOf) s += `.oneOf(${lit(p.oneOf)})`;
  if (p.references) s += `.references(${lit(p.references)})`;
  if (p.pii) s += '.pii()';
  if (p.description) s += `.description(${lit(p.description)})`;
  return s;
}

function headerComment(spec: DbtNodeSpec, untranslated: Untranslated[]): string[] {
  const lines = [`// Imported from ${spec.file} (dbt ${spec.resourceType} ${spec.dbtName}) by \`datacheck import dbt\`.`];
  if (untranslated.length) {
    lines.push('// Not translated (kept here so nothing is dropped silently):');
    for (const u of untranslated) lines.push(`// - ${commentText(`${u.where}: ${u.test}: ${u.reason}`)}`);
  }
  return lines;
}

/** The YAML's description, unless it is Jinja (`{{ doc('x') }}`): then the one dbt rendered into the manifest. */
function descriptionOf(yaml: string | undefined, rendered: string | undefined): string | undefined {
  const d = yaml && !yaml.includes('{{') ? yaml : rendered;
  return d?.trim() ? d.trim() : undefined;
}

function key(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : lit(name);
}
