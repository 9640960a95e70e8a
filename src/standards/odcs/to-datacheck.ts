import type { CheckDef } from '../../model/check.js';
import type { ColumnDef, ContractDef, SourceDef, StringFormat } from '../../model/contract.js';
import type { Issue, SourceLocation } from '../../model/issue.js';
import { assignCheckIds } from '../../checks/check-id.js';
import type { DocPath, YamlDocument } from '../yaml-document.js';
import { pathText } from '../yaml-document.js';
import { typeOfProperty } from './logical-types.js';
import type { OdcsDocument, OdcsObject, OdcsProperty, OdcsQuality } from './odcs-document.js';
import { CUSTOM } from './odcs-document.js';
import { boundOf, severityOf, violationOf } from './quality-rules.js';

/** One ODCS schema object as datacheck sees it: a contract and the checks of its quality rules. */
export interface OdcsDataset {
  contract: ContractDef;
  /** Quality rules and exclusive bounds, as suite checks over the contract. */
  checks: CheckDef[];
}

export interface OdcsMapping {
  datasets: OdcsDataset[];
  /** Parts of the contract datacheck cannot check: each one an issue, so nothing is passed silently. */
  issues: Issue[];
}

const FORMATS: Record<string, StringFormat> = {
  email: 'email',
  uuid: 'uuid',
  uri: 'url',
  url: 'url',
  ipv4: 'ipv4',
  date: 'date',
  'date-time': 'date-time',
};
const PII = /^(pii|personal|sensitive|restricted|confidential)$/i;

type Draft = Omit<CheckDef, 'id' | 'origin'>;

/**
 * Maps a validated ODCS document onto datacheck's own model: each schema object is a contract
 * (columns with types, required, unique, keys, patterns, bounds, formats) and its quality rules
 * are suite checks. `sourceOf` says where each object's rows are (from the chosen server).
 */
export function odcsToDatacheck(doc: YamlDocument, sourceOf?: (object: OdcsObject) => SourceDef): OdcsMapping {
  const odcs = doc.value as OdcsDocument;
  const issues: Issue[] = [];
  const at = (path: DocPath): SourceLocation => ({ file: doc.file, ...doc.locate(path) });
  const unsupported = (path: DocPath, what: string): void => {
    const location = at(path);
    issues.push({
      code: 'standard.unsupported',
      message: `${doc.file}:${location.line}: ${pathText(path)}: ${what}`,
      location,
      expected: 'a rule datacheck can check',
      found: what,
    });
  };
  const datasets = (odcs.schema ?? []).map((object, i) => mapObject(odcs, object, ['schema', i], { at, unsupported, sourceOf }));
  for (const [i, sla] of (odcs.slaProperties ?? []).entries()) {
    if (sla.property !== 'freshness') unsupported(['slaProperties', i], `the service level '${sla.property}' is not checked by datacheck`);
  }
  return { datasets, issues };
}

interface Ctx {
  at: (path: DocPath) => SourceLocation;
  unsupported: (path: DocPath, what: string) => void;
  sourceOf: ((object: OdcsObject) => SourceDef) | undefined;
}

function mapObject(odcs: OdcsDocument, object: OdcsObject, path: DocPath, ctx: Ctx): OdcsDataset {
  const columns: Record<string, ColumnDef> = {};
  const drafts: Draft[] = [];
  const keyed: { name: string; position: number }[] = [];
  for (const [j, p] of (object.properties ?? []).entries()) {
    const ppath = [...path, 'properties', j];
    const column = mapProperty(p, ppath, ctx, object.name, drafts);
    if (!column) continue;
    columns[p.name] = column;
    if (p.primaryKey) keyed.push({ name: p.name, position: p.primaryKeyPosition ?? j + 1 });
  }
  if (keyed.length === 1) columns[keyed[0].name].primaryKey = true;
  for (const [k, q] of (object.quality ?? []).entries())
    drafts.push(...qualityChecks(q, [...path, 'quality', k], ctx, object.name, undefined));
  const freshness = odcsFreshness(odcs, object.name);
  const description = object.description ?? odcs.description?.purpose;
  const owner = custom(odcs.customProperties, 'owner');
  const contract: ContractDef = {
    kind: 'contract',
    name: object.name,
    version: odcs.version,
    ...(typeof owner === 'string' && { owner }),
    ...(description !== undefined && { description }),
    ...(custom(object.customProperties, CUSTOM.extraColumns) === 'forbid' && { extraColumns: 'forbid' as const }),
    ...(ctx.sourceOf && { source: ctx.sourceOf(object) }),
    columns,
    ...(keyed.length > 1 && { primaryKey: keyed.sort((a, b) => a.position - b.position).map((k) => k.name) }),
    ...(freshness && { freshness }),
    ...(object.tags && { tags: object.tags }),
    location: ctx.at(path),
  };
  const checks = assignCheckIds(drafts.map((d) => ({ ...d, id: '', origin: 'suite' as const })));
  // SQL rules run where the data is read in SQL: CSV and Parquet files go through DuckDB then.
  const source = contract.source;
  if (source && 'file' in source && (source.format === 'csv' || source.format === 'parquet') && checks.some((c) => c.kind === 'sql_rule')) {
    source.engine ??= 'duckdb';
  }
  return { contract, checks };
}

function mapProperty(p: OdcsProperty, path: DocPath, ctx: Ctx, dataset: string, drafts: Draft[]): ColumnDef | undefined {
  const type = typeOfProperty(p);
  if ('unsupported' in type) {
    ctx.unsupported(path, type.unsupported);
    return undefined;
  }
  const o = p.logicalTypeOptions ?? {};
  const location = ctx.at(path);
  const column: ColumnDef = { type, nullable: !(p.required || p.primaryKey), location };
  if (p.unique) column.unique = true;
  if (typeof o.minimum === 'number' || typeof o.minimum === 'string') column.min = o.minimum;
  if (typeof o.maximum === 'number' || typeof o.maximum === 'string') column.max = o.maximum;
  const minLength = typeof o.minLength === 'number' ? o.minLength : undefined;
  const maxLength = typeof o.maxLength === 'number' ? o.maxLength : undefined;
  if (minLength !== undefined || maxLength !== undefined) {
    column.length = { ...(minLength !== undefined && { min: minLength }), ...(maxLength !== undefined && { max: maxLength }) };
  }
  if (typeof o.pattern === 'string') column.pattern = o.pattern;
  const flags = custom(p.customProperties, CUSTOM.patternFlags);
  if (typeof flags === 'string' && column.pattern !== undefined) column.patternFlags = flags;
  // A date or timestamp's `format` is how it is written (yyyy-MM-dd), not a value format.
  if (typeof o.format === 'string' && type.type === 'string') {
    const format = FORMATS[o.format.toLowerCase()];
    if (format) column.format = format;
    else ctx.unsupported([...path, 'logicalTypeOptions', 'format'], `the string format '${o.format}' is not one datacheck checks`);
  }
  for (const [end, strictKey] of [
    ['min', 'exclusiveMinimum'],
    ['max', 'exclusiveMaximum'],
  ] as const) {
    const v = o[strictKey];
    if (typeof v !== 'number' && typeof v !== 'string') continue;
    drafts.push({
      kind: 'range',
      dataset,
      column: p.name,
      params: { min: end === 'min' ? v : null, max: end === 'max' ? v : null, strict: true },
      severity: 'error',
      location: ctx.at([...path, 'logicalTypeOptions', strictKey]),
    });
  }
  if (p.description !== undefined) column.description = p.description;
  if (p.classification && PII.test(p.classification)) column.pii = true;
  if (p.tags) column.tags = p.tags;
  const ref = p.relationships?.find((r) => r.type === undefined || r.type === 'foreignKey')?.to;
  if (typeof ref === 'string' && /^[^.]+\.[^.]+$/.test(ref)) column.references = ref;
  for (const [k, q] of (p.quality ?? []).entries()) drafts.push(...qualityChecks(q, [...path, 'quality', k], ctx, dataset, p.name));
  return column;
}

function qualityChecks(q: OdcsQuality, path: DocPath, ctx: Ctx, dataset: string, column: string | undefined): Draft[] {
  const type = q.type ?? (q.metric || q.rule ? 'library' : 'text');
  // `text` rules are prose for people, not something to run.
  if (type === 'text') return [];
  if (type !== 'library' && type !== 'sql') {
    ctx.unsupported(path, `a '${type}' quality rule (engine-specific; datacheck runs library and sql rules)`);
    return [];
  }
  const bound = boundOf(q);
  if ('error' in bound) {
    ctx.unsupported(path, bound.error);
    return [];
  }
  if (type === 'sql') {
    if (typeof q.query !== 'string') {
      ctx.unsupported(path, 'an sql rule without a query');
      return [];
    }
    const title = q.description ?? q.name ?? q.id;
    return [
      {
        kind: 'sql_rule',
        dataset,
        // A rule on a property names it as ${column}: quoted here, as both SQL dialects quote identifiers.
        params: {
          query: column === undefined ? q.query : q.query.replace(/\$?\{(?:column|property)\}/g, `"${column.replace(/"/g, '""')}"`),
          bound: bound.bound,
          ...(bound.outside && { outside: true }),
        },
        severity: severityOf(q),
        location: ctx.at(path),
        ...(title !== undefined && { title }),
      },
    ];
  }
  const violation = violationOf(q, column);
  if (typeof violation === 'object' && 'error' in violation) {
    ctx.unsupported(path, violation.error);
    return [];
  }
  const title = q.description ?? q.name ?? q.id;
  const common = { dataset, severity: severityOf(q), location: ctx.at(path), ...(title !== undefined && { title }) };
  if (violation === 'row_count') {
    if (bound.outside) {
      ctx.unsupported(path, 'rowCount with mustNotBe / mustNotBeBetween');
      return [];
    }
    return [{ ...common, kind: 'row_count', params: { bound: bound.bound } }];
  }
  const unit = q.unit === 'percent' ? 'percent' : 'rows';
  const target = violation.rule === 'duplicate' ? { columns: violation.columns } : { column: column! };
  return [
    { ...common, kind: 'violations', ...target, params: { violation, bound: bound.bound, ...(bound.outside && { outside: true }), unit } },
  ];
}

/** The value of a custom property (ODCS's `customProperties: [{ property, value }]`). */
function custom(list: unknown, name: string): unknown {
  return Array.isArray(list) ? (list as { property?: string; value?: unknown }[]).find((c) => c?.property === name)?.value : undefined;
}

/** A freshness service level on one of this object's properties (`element: orders.created_at`). */
function odcsFreshness(odcs: OdcsDocument, object: string): ContractDef['freshness'] {
  const sla = odcs.slaProperties?.find(
    (s) => s.property === 'freshness' && typeof s.element === 'string' && s.element.startsWith(`${object}.`),
  );
  if (!sla || typeof sla.value !== 'number') return undefined;
  const unit = (sla.unit ?? 'd')
    .toLowerCase()
    .replace(/^days?$/, 'd')
    .replace(/^hours?$/, 'h')
    .replace(/^minutes?$/, 'm');
  return { column: String(sla.element).slice(object.length + 1), within: `${sla.value}${unit}` };
}
