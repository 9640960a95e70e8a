import { columnTypeSource } from '../../dsl/type-source.js';
import type { Scalar, SourceDef } from '../../model/contract.js';
import type { SuggestedColumn } from './suggest-contract.js';

/** The `.contract.ts` text for a suggestion, as a person would write it. */
export function contractSource(input: {
  name: string;
  source: SourceDef;
  rowCount: number;
  drawnFrom: string;
  columns: SuggestedColumn[];
  skipped: string[];
}): string {
  const lines = [
    "import { col, defineContract } from 'datacheck';",
    '',
    `/** Suggested by \`datacheck suggest ${comment(input.drawnFrom)}\` from ${input.rowCount} rows: every rule holds on that data; keep the ones that are promises. */`,
    'export default defineContract({',
    `  name: ${str(input.name)},`,
    "  version: '0.1.0',",
    `  source: ${sourceText(input.source)},`,
    '  columns: {',
    ...input.columns.map((c) => `    ${key(c.name)}: ${columnText(c)},`),
    '  },',
    '});',
  ];
  if (input.skipped.length > 0) lines.splice(2, 0, `// Left out (no datacheck type): ${input.skipped.map(comment).join(', ')}`);
  return `${lines.join('\n')}\n`;
}

function columnText(c: SuggestedColumn): string {
  let out = columnTypeSource(c.type);
  if (c.primaryKey) out += '.primaryKey()';
  if (c.nullable) out += '.nullable()';
  if (c.oneOf) out += `.oneOf([${c.oneOf.map(scalar).join(', ')}])`;
  if (c.min !== undefined && c.max !== undefined) out += `.between(${scalar(c.min)}, ${scalar(c.max)})`;
  if (c.format) out += `.format(${str(c.format)})`;
  return out;
}

function sourceText(s: SourceDef): string {
  if ('file' in s) return `{ file: ${str(String(s.file))} }`;
  if ('table' in s) return `{ table: ${str(s.table)}, connection: ${str(s.connection)} }`;
  return JSON.stringify(s);
}

/** A quoted TypeScript string: JSON's escaping is valid TypeScript. Single quotes for the house style when safe. */
function str(s: string): string {
  const json = JSON.stringify(s);
  return /^[^'\\]*$/.test(s) && !/[\u0000-\u001f\u2028\u2029]/.test(s) ? `'${s}'` : json;
}

function key(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : str(name);
}

function scalar(v: Scalar | number | string): string {
  if (typeof v === 'string') return str(v);
  if (typeof v === 'bigint') return `${v}n`;
  return String(v);
}

/** Text inside a comment: no `*\/` may end it early, no line break may leave it. */
function comment(s: string): string {
  return s.replace(/\*\//g, '* /').replace(/[\r\n\u2028\u2029]+/g, ' ');
}
