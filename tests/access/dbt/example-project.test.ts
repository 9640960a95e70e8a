import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadDbtProject } from '../../../src/access/dbt/dbt-project.js';
import { findRelation, readManifest } from '../../../src/access/dbt/manifest.js';
import { root } from '../../e2e/harness.js';
import { sharedPath } from '../../support/shared-dir.js';

// The bundled example's dbt project (dbt/). There is no dbt here, so its target/manifest.json was
// written by hand: these tests hold it to the official v12 schema and to the YAML it stands for.
const DBT = path.join(root, 'dbt');
const manifestFile = path.join(DBT, 'target/manifest.json');

type Doc = Record<string, any>;
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Doc;
const schemaYml = parse(readFileSync(path.join(DBT, 'models/schema.yml'), 'utf8')) as Doc;

describe('the bundled dbt project (dbt/)', () => {
  it('has a manifest valid against the official v12 schema (dbt-labs/schemas.getdbt.com)', () => {
    const schema = JSON.parse(readFileSync(sharedPath('oracles/dbt/schemas/manifest-v12.json'), 'utf8'));
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(manifest), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
  }, 30_000);

  it('has a manifest naming every source table, column and data test of models/schema.yml, and nothing else', () => {
    const yml = schemaYml.sources.flatMap((s: Doc) =>
      s.tables.map((t: Doc) => ({ id: `source.jaffle_shop.${s.name}.${t.name}`, columns: t.columns.map((c: Doc) => c.name) })),
    );
    const sources = Object.values(manifest.sources as Record<string, Doc>);
    expect(sources.map((s) => ({ id: s.unique_id, columns: Object.keys(s.columns) }))).toEqual(yml);
    const declared = schemaYml.sources.flatMap((s: Doc) =>
      s.tables.flatMap((t: Doc) =>
        t.columns.flatMap((c: Doc) =>
          (c.data_tests ?? []).map((test: string | Doc) => `${t.name}.${c.name}:${typeof test === 'string' ? test : Object.keys(test)[0]}`),
        ),
      ),
    );
    const tests = Object.values(manifest.nodes as Record<string, Doc>).map(
      (n) => `${n.depends_on.nodes[0].split('.').pop()}.${n.column_name}:${n.test_metadata.name}`,
    );
    expect(tests.sort()).toEqual(declared.sort());
    // dbt's parent and child maps agree with the nodes' dependencies.
    for (const n of Object.values(manifest.nodes as Record<string, Doc>)) {
      expect(manifest.parent_map[n.unique_id]).toEqual(n.depends_on.nodes);
      for (const p of n.depends_on.nodes) expect(manifest.child_map[p]).toContain(n.unique_id);
    }
  });

  it('resolves its sources to the tables of the example warehouse, through its own profiles.yml', () => {
    const read = readManifest(manifestFile);
    expect(read).toMatchObject({ projectName: 'jaffle_shop', adapterType: 'duckdb' });
    expect(findRelation(read, 'warehouse.products').parts).toEqual(['warehouse', 'main', 'products']);
    expect(findRelation(read, 'source.jaffle_shop.warehouse.supplies').parts).toEqual(['warehouse', 'main', 'supplies']);
    const project = loadDbtProject({ project: 'dbt', profilesDir: DBT, cwd: root, env: {}, home: DBT });
    expect(project.connectionName).toBe('dbt:jaffle_shop.dev');
    // dbt-duckdb resolves the relative path from the project folder; the database is named after the file.
    expect(project.connection.def).toEqual({ kind: 'duckdb', path: path.join(root, 'fixtures/jaffle_shop/warehouse.duckdb') });
  });
});
