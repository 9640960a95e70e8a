import { readFileSync } from 'node:fs';
import { DatacheckError } from '../../model/issue.js';

/** The manifest schema datacheck reads: dbt Core 1.8 to 1.11 write v12 (docs.getdbt.com/reference/artifacts/manifest-json). */
export const MANIFEST_SCHEMA = 'https://schemas.getdbt.com/dbt/manifest/v12.json';

/** The parts of a v12 manifest's model/seed/snapshot node datacheck reads (see ../shared/oracles/dbt/schemas/manifest-v12.json). */
export interface ManifestNode {
  unique_id: string;
  resource_type: string;
  package_name: string;
  name: string;
  database?: string | null;
  schema: string;
  alias?: string | null;
  /** Sources only. */
  identifier?: string;
  source_name?: string;
  /** Rendered by dbt (`{{ doc() }}` resolved). */
  description?: string;
  columns?: Record<string, { description?: string; data_type?: string | null }>;
}

export interface Manifest {
  projectName: string;
  adapterType?: string;
  nodes: ManifestNode[];
}

/**
 * Reads `target/manifest.json` (or the project's target-path). A missing file says to run
 * `dbt parse`; a file of another schema version is refused with the version found, since node
 * fields moved between versions and a silent misread would check the wrong relation.
 */
export function readManifest(file: string): Manifest {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new DatacheckError({
      code: missing ? 'dbt.no_manifest' : 'dbt.manifest_invalid',
      message: missing
        ? `${file} does not exist: run \`dbt parse\` (or \`dbt build\`) in the dbt project first`
        : `${file} cannot be read (${(e as NodeJS.ErrnoException).code})`,
      expected: 'the manifest dbt writes into its target folder',
      found: missing ? 'no manifest' : 'an unreadable file',
      hint: 'run `dbt parse` (or `dbt build`) in the dbt project first: it writes target/manifest.json',
    });
  }
  const invalid = (message: string, expected: string, found: string) =>
    new DatacheckError({
      code: 'dbt.manifest_invalid',
      message: `${file}: ${message}`,
      expected,
      found,
      hint: 'run `dbt parse` again with dbt Core 1.8 or later',
    });
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw invalid(`not JSON (${(e as Error).message})`, 'a JSON document', 'text that does not parse');
  }
  const metadata = (doc?.metadata ?? {}) as Record<string, unknown>;
  const version = metadata.dbt_schema_version;
  if (version !== MANIFEST_SCHEMA)
    throw invalid('is not a v12 dbt manifest', MANIFEST_SCHEMA, String(version ?? 'no metadata.dbt_schema_version'));
  const table = (key: 'nodes' | 'sources') => {
    const v = doc[key];
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw invalid(`has no '${key}' object`, `"${key}": { ... }`, typeof v);
    return Object.values(v as Record<string, ManifestNode>);
  };
  const relations = new Set(['model', 'seed', 'snapshot']);
  return {
    projectName: String(metadata.project_name ?? ''),
    ...(typeof metadata.adapter_type === 'string' && { adapterType: metadata.adapter_type }),
    nodes: [...table('nodes').filter((n) => relations.has(n.resource_type)), ...table('sources')],
  };
}

/** Where a dbt node lives: database.schema.identifier (database absent when the adapter has none). */
export interface DbtRelation {
  uniqueId: string;
  resourceType: string;
  parts: string[];
  node: ManifestNode;
}

/**
 * The relation a `{ dbt: name }` source means: a model, seed or snapshot by name
 * (`'orders'`), a source by `'source_name.table'`, or any node by unique id
 * (`'model.jaffle_shop.orders'`). A name in several packages prefers the project's own; still
 * ambiguous, or unknown, is an error listing what the manifest has.
 */
export function findRelation(manifest: Manifest, name: string): DbtRelation {
  const byId = manifest.nodes.filter((n) => n.unique_id === name);
  const byName = manifest.nodes.filter((n) => (n.resource_type === 'source' ? `${n.source_name}.${n.name}` === name : n.name === name));
  let matches = byId.length ? byId : byName;
  if (matches.length > 1) {
    const own = matches.filter((n) => n.package_name === manifest.projectName);
    if (own.length) matches = own;
  }
  if (matches.length !== 1) {
    const known = manifest.nodes.map((n) => (n.resource_type === 'source' ? `${n.source_name}.${n.name}` : n.name));
    throw new DatacheckError({
      code: 'dbt.unknown_node',
      message: matches.length
        ? `dbt: '${name}' is ambiguous: ${matches.map((n) => n.unique_id).join(', ')}`
        : `dbt: '${name}' is no model, seed, snapshot or source of the manifest`,
      expected: matches.length ? 'a unique id, e.g. model.my_project.orders' : `one of ${[...new Set(known)].sort().join(', ')}`,
      found: name,
    });
  }
  const n = matches[0];
  const identifier = n.resource_type === 'source' ? (n.identifier ?? n.name) : (n.alias ?? n.name);
  return {
    node: n,
    uniqueId: n.unique_id,
    resourceType: n.resource_type,
    parts: [n.database, n.schema, identifier].filter((p): p is string => !!p),
  };
}
