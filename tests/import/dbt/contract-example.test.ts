import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDbt } from '../../../src/import/dbt/import-dbt.js';
import { SHARED_DIR } from '../../support/shared-dir.js';

// dbt-project-evaluator's YAML with enforced model contracts (copied into a temp project at test time).
// There is no manifest or profile here: types come from data_type alone.
function project(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-dbt-contracts-'));
  mkdirSync(path.join(dir, 'models'));
  for (const f of ['_dim_model_7.yml', 'reports.yml'])
    cpSync(path.join(SHARED_DIR, 'oracles/dbt/contract-example', f), path.join(dir, 'models', f));
  writeFileSync(path.join(dir, 'dbt_project.yml'), 'name: evaluator\nprofile: evaluator\n');
  return dir;
}

describe('import of dbt model contracts without a warehouse', () => {
  it('plain data_type becomes the column type; Jinja data_type is listed, and a contract without typed columns is not written', async () => {
    const dir = project();
    const result = await importDbt({ project: dir, cwd: dir, env: {}, home: dir });
    expect(result.files.map((f) => f.path)).toEqual(['models/report_1.contract.ts']);
    expect(result.files[0].text).toContain("col: col.bool().nullable().description('col me maybe')");
    // report_1's contract is not enforced: extra columns stay allowed
    expect(result.files[0].text).not.toContain('extraColumns');
    expect(result.untranslated.map((u) => `${u.where} ${u.test}`)).toEqual([
      'dim_model_7.id unique',
      'dim_model_7.id constraint not_null',
      'dim_model_7 contract',
      'report_2.id column',
      'report_2 contract',
    ]);
    expect(result.untranslated[0].reason).toContain('its type is unknown');
    // no manifest: said once, as a note
    expect(result.notes[0]).toContain('column types from data_type only');
  });

  it('a name that cannot be a file name writes nothing, and says so', async () => {
    const dir = project();
    writeFileSync(
      path.join(dir, 'models', 'reports.yml'),
      'models:\n  - name: ../../evil\n    columns:\n      - { name: id, data_type: int }\n',
    );
    const result = await importDbt({ project: dir, cwd: dir, env: {}, home: dir });
    expect(result.files.map((f) => f.path)).not.toContain(expect.stringContaining('evil'));
    expect(result.untranslated).toContainEqual({
      where: 'models/reports.yml',
      test: 'name',
      reason: 'the name "../../evil" cannot be a file name: no file written',
    });
  });

  it("a source's error_after freshness becomes the contract's; warn_after alone is listed", async () => {
    const dir = project();
    writeFileSync(
      path.join(dir, 'models', 'reports.yml'),
      [
        'sources:',
        '  - name: shop',
        '    loaded_at_field: loaded_at',
        '    freshness: { error_after: { count: 12, period: hour } }',
        '    tables:',
        '      - name: orders',
        '        columns: [{ name: loaded_at, data_type: timestamp }]',
        '      - name: refunds',
        '        freshness: { warn_after: { count: 1, period: day } }',
        '        columns: [{ name: loaded_at, data_type: timestamp }]',
        '',
      ].join('\n'),
    );
    const result = await importDbt({ project: dir, cwd: dir, env: {}, home: dir });
    const orders = result.files.find((f) => f.path === 'models/shop__orders.contract.ts')!.text;
    expect(orders).toContain("source: { dbt: 'shop.orders' },");
    expect(orders).toContain("freshness: { column: 'loaded_at', within: '12h' },");
    expect(result.untranslated).toContainEqual(expect.objectContaining({ where: 'shop__refunds', test: 'freshness warn_after' }));
  });

  it('a schema.yml of the wrong shape, or not YAML, is an error at its line and column', async () => {
    const dir = project();
    const yml = path.join(dir, 'models', 'reports.yml');
    writeFileSync(yml, 'models:\n  - name: r\n    columns:\n      - name: id\n      - description: no name\n');
    await expect(importDbt({ project: dir, cwd: dir, env: {}, home: dir })).rejects.toMatchObject({
      issue: {
        code: 'dbt.yaml_invalid',
        message: 'models/reports.yml:5:9: models[0].columns[1].name is not a column name',
        location: { line: 5, column: 9 },
      },
    });
    writeFileSync(yml, 'models:\n  - name: r\n    columns: [\n');
    await expect(importDbt({ project: dir, cwd: dir, env: {}, home: dir })).rejects.toMatchObject({
      issue: { code: 'dbt.yaml_invalid', location: { file: 'models/reports.yml' } },
    });
  });

  it('an enforced contract forbids extra columns', async () => {
    const dir = project();
    writeFileSync(
      path.join(dir, 'models', 'reports.yml'),
      'models:\n  - name: r\n    config: { contract: { enforced: true } }\n    columns:\n      - name: id\n        data_type: integer\n        constraints: [{ type: primary_key }, { type: check, expression: "id > 0" }]\n      - { name: email, data_type: text, meta: { contains_pii: true } }\n      - { name: phone, data_type: text, tags: [PII] }\n',
    );
    const result = await importDbt({ project: dir, cwd: dir, env: {}, home: dir });
    const r = result.files.find((f) => f.path === 'models/r.contract.ts')!.text;
    expect(r).toContain('id: col.int32().primaryKey(),');
    expect(r).toContain("extraColumns: 'forbid',");
    // columns a team marked as personal data stay masked in every report
    expect(r).toContain('email: col.string().nullable().pii(),');
    expect(r).toContain('phone: col.string().nullable().pii(),');
    expect(r).toContain("// - r.id: constraint check: 'id > 0': a check constraint has no datacheck equivalent");
  });
});
