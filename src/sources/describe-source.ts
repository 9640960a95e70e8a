import type { SourceDef } from '../model/contract.js';

/** A short, credential-free description of where a dataset comes from. */
export function describeSource(source: SourceDef): string {
  if ('file' in source) return Array.isArray(source.file) ? source.file.join(', ') : source.file;
  if ('table' in source) return `${source.connection}:${source.table}`;
  if ('query' in source) return `${source.connection}:query`;
  return `dbt:${source.dbt}`;
}
