import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRelation, readManifest } from '../../../src/access/dbt/manifest.js';
import { JAFFLE } from '../../support/jaffle-dbt.js';
import { issueOf } from '../../support/issue-of.js';

const manifest = readManifest(path.join(JAFFLE, 'target/manifest.json'));

describe('the dbt manifest (real jaffle_shop, v12, dbt 1.8.2)', () => {
  it('resolves models, seeds, snapshots and sources to database.schema.identifier', () => {
    expect(findRelation(manifest, 'orders').parts).toEqual(['postgres', 'public', 'orders']);
    expect(findRelation(manifest, 'raw_payments')).toMatchObject({ resourceType: 'seed', parts: ['postgres', 'public', 'raw_payments'] });
    expect(findRelation(manifest, 'orders_snapshot').parts).toEqual(['postgres', 'snapshots', 'orders_snapshot']);
    expect(findRelation(manifest, 'jaffle_shop.dim_date')).toMatchObject({
      resourceType: 'source',
      uniqueId: 'source.jaffle_shop.jaffle_shop.dim_date',
    });
    expect(findRelation(manifest, 'model.jaffle_shop.stg_orders').parts).toEqual(['postgres', 'public', 'stg_orders']);
  });

  it('an unknown name lists what the manifest has; tests are not relations', () => {
    const issue = issueOf(() => findRelation(manifest, 'orderz'));
    expect(issue.code).toBe('dbt.unknown_node');
    expect(issue.expected).toContain('customers, jaffle_shop.dim_date, orders, orders_snapshot');
    expect(issueOf(() => findRelation(manifest, 'unique_orders_order_id')).code).toBe('dbt.unknown_node');
  });

  it('a manifest of another schema version, or not JSON, is refused with what was found', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-manifest-'));
    writeFileSync(
      path.join(dir, 'v11.json'),
      JSON.stringify({ metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/manifest/v11.json' }, nodes: {}, sources: {} }),
    );
    writeFileSync(path.join(dir, 'bad.json'), '{ nope');
    const v11 = issueOf(() => readManifest(path.join(dir, 'v11.json')));
    expect([v11.code, v11.found]).toEqual(['dbt.manifest_invalid', 'https://schemas.getdbt.com/dbt/manifest/v11.json']);
    expect(issueOf(() => readManifest(path.join(dir, 'bad.json'))).code).toBe('dbt.manifest_invalid');
    const missing = issueOf(() => readManifest(path.join(dir, 'manifest.json')));
    expect([missing.code, missing.hint]).toEqual([
      'dbt.no_manifest',
      'run `dbt parse` (or `dbt build`) in the dbt project first: it writes target/manifest.json',
    ]);
  });
});
