import type { Bound, CheckDef } from '../model/check.js';
import type { ColumnDef, ContractDef, SourceDef } from '../model/contract.js';
import type { ViolationsParams } from '../checks/kinds/violations.js';
import { columnTypeSource, keySource, stringSource } from '../dsl/type-source.js';

const str = stringSource;
const ident = keySource;

/** A plain value as TypeScript source, in the project's style (single quotes, spaced braces). */
function lit(v: unknown): string {
  if (typeof v === 'string') return str(v);
  if (typeof v === 'bigint') return `${v}n`;
  if (Array.isArray(v)) return `[${v.map(lit).join(', ')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, x]) => `${ident(k)}: ${lit(x)}`).join(', ')} }`;
  }
  return String(v);
}

function columnSource(c: ColumnDef): string {
  const parts = [columnTypeSource(c.type)];
  if (c.nullable && !c.primaryKey) parts.push('nullable()');
  if (c.primaryKey) parts.push('primaryKey()');
  if (c.unique) parts.push('unique()');
  if (c.oneOf) parts.push(`oneOf(${lit(c.oneOf)})`);
  if (c.min !== undefined && c.max !== undefined) parts.push(`between(${lit(c.min)}, ${lit(c.max)})`);
  else if (c.min !== undefined) parts.push(`min(${lit(c.min)})`);
  else if (c.max !== undefined) parts.push(`max(${lit(c.max)})`);
  if (c.length) parts.push(`length(${c.length.min ?? 0}${c.length.max !== undefined ? `, ${c.length.max}` : ''})`);
  if (c.pattern !== undefined) parts.push(`pattern(${regexSource(c.pattern, c.patternFlags ?? '')})`);
  if (c.format) parts.push(`format(${lit(c.format)})`);
  if (c.references) parts.push(`references(${lit(c.references)})`);
  if (c.description !== undefined) parts.push(`description(${lit(c.description)})`);
  if (c.pii) parts.push('pii()');
  if (c.tags) parts.push(`tags(${c.tags.map(lit).join(', ')})`);
  return parts.join('.');
}

/** A JavaScript regex that compiles (an invalid one is left to defineContract, which names its line). */
function compiles(pattern: string, flags: string): boolean {
  try {
    new RegExp(pattern, flags);
    return true;
  } catch {
    return false;
  }
}

/**
 * A regex literal when the source can be one (it compiles, no line breaks, no unescaped slash, no
 * leading `*` that would open a comment), else `new RegExp(...)`.
 */
function regexSource(pattern: string, flags: string): string {
  const literal =
    pattern !== '' &&
    !pattern.startsWith('*') &&
    !/[\n\r\u2028\u2029]/.test(pattern) &&
    /^(?:[^\\/]|\\.)*$/.test(pattern) &&
    compiles(pattern, flags);
  return literal ? `/${pattern}/${flags}` : `new RegExp(${lit(pattern)}${flags ? `, ${lit(flags)}` : ''})`;
}

function sourceSource(s: SourceDef): string {
  if ('file' in s)
    return `{ file: ${lit(s.file)}${s.format ? `, format: ${lit(s.format)}` : ''}${s.engine ? `, engine: ${lit(s.engine)}` : ''} }`;
  if ('table' in s) return `{ table: ${lit(s.table)}, connection: ${lit(s.connection)} }`;
  if ('query' in s) return `{ query: ${lit(s.query)}, connection: ${lit(s.connection)} }`;
  return `{ dbt: ${lit(s.dbt)} }`;
}

/** A contract as a `.contract.ts` file: what a person would write with defineContract and col. */
export function contractSource(contract: ContractDef, from: string): string {
  const lines = [
    comment(`Imported from ${from} by datacheck import. Edit freely: this file is now the contract.`),
    "import { col, defineContract } from 'datacheck';",
    '',
    'export default defineContract({',
    `  name: ${lit(contract.name)},`,
  ];
  if (contract.version !== undefined) lines.push(`  version: ${lit(contract.version)},`);
  if (contract.owner !== undefined) lines.push(`  owner: ${lit(contract.owner)},`);
  if (contract.description !== undefined) lines.push(`  description: ${lit(contract.description)},`);
  // An imported contract's source is always a file or table (in-memory data belongs to a program, not a file).
  if (contract.source && !('data' in contract.source)) lines.push(`  source: ${sourceSource(contract.source)},`);
  lines.push('  columns: {');
  for (const [name, c] of Object.entries(contract.columns)) lines.push(`    ${ident(name)}: ${columnSource(c)},`);
  lines.push('  },');
  if (contract.primaryKey) lines.push(`  primaryKey: ${lit(contract.primaryKey)},`);
  if (contract.extraColumns) lines.push(`  extraColumns: ${lit(contract.extraColumns)},`);
  const freshness = contract.freshness;
  if (freshness && 'file' in freshness) lines.push(`  freshness: { file: true, within: ${lit(freshness.within)} },`);
  else if (freshness) lines.push(`  freshness: { column: ${lit(freshness.column)}, within: ${lit(freshness.within)} },`);
  if (contract.tags) lines.push(`  tags: ${lit(contract.tags)},`);
  lines.push('});', '');
  return lines.join('\n');
}

function boundSource(b: Bound): string {
  const strict = b.strict ? ', { strict: true }' : '';
  if (b.min !== null && b.max !== null)
    return b.min === b.max && !b.strict ? `equals(${lit(b.min)})` : `between(${lit(b.min)}, ${lit(b.max)}${strict})`;
  if (b.min !== null) return `atLeast(${lit(b.min)}${strict})`;
  return `atMost(${lit(b.max)}${strict})`;
}

/** A one-line comment: text from the contract can never end it and start code. */
const comment = (text: string): string => `// ${text.replace(/[\r\n\u2028\u2029]+/g, ' ')}`;

/** One suite check as a line of `defineSuite`, or a comment saying why the DSL cannot write it. */
function checkSource(c: CheckDef): string {
  const tail = `${c.title !== undefined ? `.title(${lit(c.title)})` : ''}${c.severity === 'warn' ? '.warn()' : ''}`;
  if (c.kind === 'sql_rule') {
    const p = c.params as { query: string; bound: Bound; outside?: boolean };
    if (p.outside) return comment(`not expressible in the suite DSL (mustNotBe / mustNotBeBetween): ${c.title ?? p.query}`);
    return `t.sql(${lit(p.query)}).${boundSource(p.bound)}${tail}`;
  }
  if (c.kind === 'row_count') return `t.rowCount().${boundSource((c.params as { bound: Bound }).bound)}${tail}`;
  if (c.kind === 'range') {
    const p = c.params as { min: number | string | null; max: number | string | null; strict?: boolean };
    return `t.column(${lit(c.column)}).between(${lit(p.min)}, ${lit(p.max)}${p.strict ? ', { strict: true }' : ''})${tail}`;
  }
  if (c.kind === 'violations') {
    const p = c.params as unknown as ViolationsParams;
    const unit = p.unit === 'percent' ? ", { unit: 'percent' }" : '';
    if (p.outside)
      return comment(
        `not expressible in the suite DSL (mustNotBe / mustNotBeBetween): ${c.title ?? c.kind}; datacheck test <the ODCS file> checks it`,
      );
    const v = p.violation;
    const head =
      v.rule === 'duplicate'
        ? v.columns.length === 1
          ? `t.column(${lit(v.columns[0])}).violations({ rule: 'duplicate' }${unit})`
          : `t.duplicates(${lit(v.columns)}${unit})`
        : `t.column(${lit(c.column)}).violations(${lit(v)}${unit})`;
    return `${head}.${boundSource(p.bound)}${tail}`;
  }
  return comment(`a ${c.kind} check the import does not write`);
}

/** The quality rules of a contract as a `.check.ts` suite importing the contract file. */
export function suiteSource(contractImport: string, checks: CheckDef[], from: string): string {
  return [
    comment(`Quality rules imported from ${from} by datacheck import.`),
    "import { defineSuite } from 'datacheck';",
    `import contract from ${lit(contractImport)};`,
    '',
    'export default defineSuite(contract, (t) => [',
    ...checks.map((c) => {
      const s = checkSource(c);
      return s.startsWith('//') ? `  ${s}` : `  ${s},`;
    }),
    ']);',
    '',
  ].join('\n');
}
