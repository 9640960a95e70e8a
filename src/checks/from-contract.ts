import type { CheckDef } from '../model/check.js';
import type { ColumnDef, ContractDef } from '../model/contract.js';
import { PII_KINDS } from '../model/pii.js';
import { DEFAULT_PHONE_COUNTRY } from '../pii/find-pii.js';
import { assignCheckIds } from './check-id.js';

type Draft = Omit<CheckDef, 'id' | 'dataset' | 'origin' | 'severity'>;

/**
 * A contract is already a suite: each promise it makes (columns, types, nullability, keys,
 * allowed values, ranges, lengths, patterns, formats, references, freshness) becomes a check that
 * points at the line where the promise was written.
 */
export function checksFromContract(contract: ContractDef, suiteColumns: string[] = []): CheckDef[] {
  const declared = Object.keys(contract.columns);
  const drafts: Draft[] = [
    {
      kind: 'schema',
      params: {
        required: [...new Set([...declared, ...suiteColumns])],
        declared,
        extraColumns: contract.extraColumns ?? 'allow',
      },
      location: contract.location,
    },
  ];
  const key = new Set(contract.primaryKey);
  for (const [name, column] of Object.entries(contract.columns)) drafts.push(...columnChecks(name, column, contract, key.has(name)));
  if (contract.primaryKey) drafts.push(compoundKeyCheck(contract.primaryKey, contract));
  const freshness = contract.freshness;
  if (freshness && 'file' in freshness) {
    drafts.push({ kind: 'file_freshness', params: { within: freshness.within }, location: contract.location });
  } else if (freshness) {
    drafts.push({ kind: 'freshness', column: freshness.column, params: { within: freshness.within }, location: contract.location });
  }
  return assignCheckIds(drafts.map((d) => ({ ...d, id: '', dataset: contract.name, origin: 'contract', severity: 'error' })));
}

/** One unique check over the whole key (its columns' not-null checks come with each column). */
function compoundKeyCheck(columns: string[], contract: ContractDef): Draft {
  return {
    kind: 'unique',
    columns: [...columns],
    params: { columns: [...columns] },
    title: `${columns.join(', ')} unique (primary key)`,
    location: contract.location,
  };
}

function columnChecks(name: string, c: ColumnDef, contract: ContractDef, inKey: boolean): Draft[] {
  const at = { column: name, location: c.location ?? contract.location };
  const out: Draft[] = [{ kind: 'column_type', ...at, params: { type: c.type } }];
  if (!c.nullable || c.primaryKey || inKey) out.push({ kind: 'not_null', ...at, params: {} });
  if (c.primaryKey || c.unique) out.push({ kind: 'unique', ...at, params: { columns: [name] } });
  if (c.oneOf) out.push({ kind: 'accepted_values', ...at, params: { values: c.oneOf, negate: false } });
  if (c.min !== undefined || c.max !== undefined) {
    out.push({ kind: 'range', ...at, params: { min: c.min ?? null, max: c.max ?? null, strict: false } });
  }
  if (c.length) out.push({ kind: 'length', ...at, params: { min: c.length.min ?? null, max: c.length.max ?? null } });
  if (c.pattern !== undefined)
    out.push({ kind: 'pattern', ...at, params: { pattern: c.pattern, flags: c.patternFlags ?? '', negate: false } });
  if (c.format) out.push({ kind: 'format', ...at, params: { format: c.format } });
  const noPii = c.noPii ?? (contract.detectPii && c.type.type === 'string' && !c.pii ? { kinds: [...PII_KINDS] } : undefined);
  if (noPii) out.push({ kind: 'no_pii', ...at, params: { kinds: noPii.kinds, phoneCountry: noPii.phoneCountry ?? DEFAULT_PHONE_COUNTRY } });
  if (c.references) {
    const [dataset, column] = c.references.split('.');
    out.push({ kind: 'references', ...at, params: { dataset, column } });
  }
  return out;
}
