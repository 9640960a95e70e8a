import type { InMemorySource, SourceDef } from '../model/contract.js';
import { describeInMemory } from './in-memory-data.js';

/** A short, credential-free description of where a dataset comes from. */
export function describeSource(source: SourceDef | InMemorySource): string {
  if ('file' in source) return Array.isArray(source.file) ? source.file.join(', ') : source.file;
  if ('table' in source) return `${source.connection}:${source.table}`;
  if ('query' in source) return `${source.connection}:query`;
  if ('data' in source) return describeInMemory(source.data);
  return `dbt:${source.dbt}`;
}
