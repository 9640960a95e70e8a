import path from 'node:path';
import { defaultOpeners } from '../../access/connections.js';
import { loadDbtProject, readDbtProjectFile } from '../../access/dbt/dbt-project.js';
import type { DbtOptions, DbtProject } from '../../access/dbt/dbt-project.js';
import { findRelation } from '../../access/dbt/manifest.js';
import type { ManifestNode } from '../../access/dbt/manifest.js';
import { asMapping, readYamlFile } from '../../access/dbt/read-yaml.js';
import type { SqlConnection } from '../../engines/sql/sql-connection.js';
import { isDatacheckError } from '../../model/issue.js';
import { builderOf } from './column-types.js';
import type { DbtNodeSpec } from './dbt-yaml-model.js';
import { readSchemaFiles } from './read-schema-files.js';
import { renderNode } from './render-files.js';
import type { NodeFacts, Untranslated } from './render-files.js';

const SAFE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

export interface ImportedFile {
  /** Relative to the output folder. */
  path: string;
  text: string;
}

export interface DbtImport {
  files: ImportedFile[];
  untranslated: Untranslated[];
  /** Why column types came from data_type only (the manifest or warehouse could not be used), when so. */
  notes: string[];
}

/**
 * Reads a dbt project's YAML (models, seeds, snapshots, sources with their data tests and
 * contracts) and writes nothing: returns the `.contract.ts`/`.check.ts` texts, placed as the YAML
 * is (models/staging/schema.yml -> models/staging/stg_orders.contract.ts). Column types come
 * from `data_type`, else from the warehouse catalog through the dbt profile (no row is read).
 */
export async function importDbt(options: DbtOptions): Promise<DbtImport> {
  const dir = path.resolve(options.cwd, options.project);
  readDbtProjectFile(dir, options.env);
  const doc = asMapping(readYamlFile(path.join(dir, 'dbt_project.yml'), 'dbt_project.yml')) ?? {};
  const paths = (key: string, fallback: string) => (Array.isArray(doc[key]) ? (doc[key] as unknown[]).map(String) : [fallback]);
  const specs = await readSchemaFiles(dir, [
    ...paths('model-paths', 'models'),
    ...paths('seed-paths', 'seeds'),
    ...paths('snapshot-paths', 'snapshots'),
  ]);
  const notes: string[] = [];
  let project: DbtProject | undefined;
  try {
    project = loadDbtProject(options);
  } catch (e) {
    notes.push(`column types from data_type only: ${isDatacheckError(e) ? e.issue.message : String(e)}`);
  }
  const warehouse = project ? await openWarehouse(project, options, notes) : undefined;
  const files: ImportedFile[] = [];
  const untranslated: Untranslated[] = [];
  try {
    for (const spec of specs) {
      // The name becomes a file name and an import path: nothing that could leave the folder or break the import.
      if (!SAFE_NAME.test(spec.dataset)) {
        untranslated.push({
          where: spec.file,
          test: 'name',
          reason: `the name ${JSON.stringify(spec.dataset)} cannot be a file name: no file written`,
        });
        continue;
      }
      const facts = await factsOf(spec, project, warehouse, notes);
      const rendered = renderNode(spec, facts);
      const base = path.join(path.dirname(spec.file), spec.dataset);
      if (rendered.contract) files.push({ path: `${base}.contract.ts`, text: rendered.contract });
      if (rendered.contract && rendered.suite) files.push({ path: `${base}.check.ts`, text: rendered.suite });
      untranslated.push(...rendered.untranslated);
    }
  } finally {
    await warehouse?.close();
  }
  return { files, untranslated, notes };
}

async function openWarehouse(project: DbtProject, options: DbtOptions, notes: string[]): Promise<SqlConnection | undefined> {
  const { def, env } = project.connection;
  try {
    return await defaultOpeners(project.dir)[def.kind](project.connectionName, def, { ...options.env, ...env });
  } catch (e) {
    notes.push(
      `column types from data_type only: the warehouse of ${project.connectionName} could not be opened (${isDatacheckError(e) ? e.issue.message : String(e)})`,
    );
    return undefined;
  }
}

async function factsOf(
  spec: DbtNodeSpec,
  project: DbtProject | undefined,
  warehouse: SqlConnection | undefined,
  notes: string[],
): Promise<NodeFacts> {
  if (!project) return {};
  let relation: ReturnType<typeof findRelation>;
  try {
    relation = findRelation(project.manifest, spec.dbtName);
  } catch (e) {
    notes.push(`${spec.dataset}: ${isDatacheckError(e) ? e.issue.message : String(e)}`);
    return {};
  }
  const facts: NodeFacts = { descriptions: manifestDescriptions(relation.node) };
  if (!warehouse) return facts;
  try {
    const columns = await warehouse.describe({ kind: 'table', parts: relation.parts });
    facts.columnTypes = new Map(
      columns.flatMap((c) => {
        const b = c.logical && builderOf(c.logical);
        return b ? [[c.name, b] as [string, string]] : [];
      }),
    );
  } catch (e) {
    notes.push(`${spec.dataset}: column types from data_type only (${isDatacheckError(e) ? e.issue.message : String(e)})`);
  }
  return facts;
}

/** The descriptions dbt rendered into the manifest, `{{ doc() }}` blocks resolved. */
function manifestDescriptions(node: ManifestNode): NodeFacts['descriptions'] {
  const columns = Object.fromEntries(Object.entries(node.columns ?? {}).flatMap(([k, v]) => (v.description ? [[k, v.description]] : [])));
  return { ...(node.description && { node: node.description }), columns };
}
