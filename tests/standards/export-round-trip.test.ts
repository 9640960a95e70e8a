import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ContractDef } from '../../src/model/contract.js';
import type { CheckDef } from '../../src/model/check.js';
import { contractToOdcs } from '../../src/standards/odcs/from-datacheck.js';
import { odcsToDatacheck } from '../../src/standards/odcs/to-datacheck.js';
import type { OdcsDataset } from '../../src/standards/odcs/to-datacheck.js';
import { odcsYaml } from '../../src/standards/odcs/write-odcs.js';
import { parseYamlDocument } from '../../src/standards/yaml-document.js';
import { sharedPath } from '../support/shared-dir.js';
import { runCli } from './replay-support.js';

const root = path.resolve(__dirname, '../..');

/** The official ODCS v3.1.0 schema from ../shared/oracles, compiled by the test itself (not datacheck's validator). */
const officialSchema = new Ajv2019({ allErrors: true, strict: false, validateFormats: false }).compile(
  JSON.parse(readFileSync(sharedPath('oracles', 'odcs', 'odcs-json-schema-v3.1.0.json'), 'utf8')),
);
const schemaErrors = (doc: unknown) =>
  officialSchema(doc) ? [] : (officialSchema.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

describe('datacheck export odcs on the bundled example', () => {
  const bundled = readdirSync(path.join(root, 'contracts')).filter((f) => f.endsWith('.contract.ts'));
  it('has the bundled contracts', () => expect(bundled.length).toBeGreaterThanOrEqual(6));
  for (const file of bundled) {
    it(`${file} is a document the official ODCS v3.1.0 schema accepts`, async () => {
      const { code, out, err } = await runCli(['export', 'odcs', `contracts/${file}`], root);
      expect(code, err).toBe(0);
      expect(schemaErrors(parse(out))).toEqual([]);
    });
  }

  it('carries suite checks ODCS can express and says which it cannot', async () => {
    const { out, err } = await runCli(['export', 'odcs', 'contracts/orders.contract.ts'], root);
    const doc = parse(out);
    expect(doc.schema[0].quality).toEqual([{ type: 'library', metric: 'rowCount', mustBeBetween: [50, 100000] }]);
    expect(err).toContain(
      "warning: not exported (ODCS cannot express it): orders: a check with a filter (where order_date < '2018-03-01')".replace(
        'orders: a',
        'orders: accepted_values: a',
      ),
    );
  });

  it('the exported customers contract passes datacheck test on the same data', async () => {
    const { out } = await runCli(['export', 'odcs', 'contracts/customers.contract.ts'], root);
    const file = path.join(root, 'reports', 'customers.odcs.yaml');
    (await import('node:fs')).mkdirSync(path.dirname(file), { recursive: true });
    (await import('node:fs')).writeFileSync(file, out);
    const run = await runCli(['test', 'reports/customers.odcs.yaml'], root);
    expect(run.out).toMatch(/\d+ passed, 0 failed, 0 warned, 0 errors/);
    expect(run.code).toBe(0);
  });
});

/** What datacheck models of a dataset, without where it was written. */
function modelled({ contract, checks }: OdcsDataset): {
  contract: Omit<ContractDef, 'location'>;
  checks: Omit<CheckDef, 'id' | 'location'>[];
} {
  const { location: _l, ...rest } = contract;
  const columns = Object.fromEntries(Object.entries(rest.columns).map(([n, { location: _c, ...c }]) => [n, c]));
  // ODCS has no owner per object and no document-level description beyond the purpose: compare what both sides carry.
  return { contract: { ...rest, columns }, checks: checks.map(({ id: _i, location: _x, ...c }) => c) };
}

const REAL_EXAMPLES = [
  ...readdirSync(sharedPath('oracles', 'odcs', 'examples')).map((f) => sharedPath('oracles', 'odcs', 'examples', f)),
  ...readdirSync(sharedPath('datasets', 'datacontract-cli', 'fixtures', 'odcs_v3')).map((f) =>
    sharedPath('datasets', 'datacontract-cli', 'fixtures', 'odcs_v3', f),
  ),
  ...readdirSync(sharedPath('datasets', 'datacontract-cli', 'cases'))
    .filter((f) => f.endsWith('.odcs.yaml'))
    .map((f) => sharedPath('datasets', 'datacontract-cli', 'cases', f)),
];

/** Real files the `yaml` library refuses: each is reported as a syntax error at its line, as tested here. */
const NOT_YAML_1_2: Record<string, number> = {
  // Written by PyYAML: a double-quoted description continued on the next line at the key's own indentation.
  'adventureworks.odcs.yaml': 76,
};

describe('round trip ODCS -> datacheck -> ODCS on real ODCS examples from ../shared', () => {
  it('has real examples', () => expect(REAL_EXAMPLES.length).toBeGreaterThanOrEqual(10));
  for (const [name, line] of Object.entries(NOT_YAML_1_2)) {
    it(`${name} is not read: a YAML syntax error at line ${line}, not a crash`, () => {
      const file = REAL_EXAMPLES.find((f) => path.basename(f) === name)!;
      const parsed = parseYamlDocument(readFileSync(file, 'utf8'), name);
      expect(parsed.ok ? 'parsed' : parsed.issue).toMatchObject({ code: 'standard.yaml_syntax', location: { line } });
    });
  }
  for (const file of REAL_EXAMPLES.filter((f) => NOT_YAML_1_2[path.basename(f)] === undefined)) {
    it(`${path.basename(file)}: the export is valid ODCS and reads back to the same datacheck model`, () => {
      const parsed = parseYamlDocument(readFileSync(file, 'utf8'), path.basename(file));
      if (!parsed.ok) throw new Error(parsed.issue.message);
      const first = odcsToDatacheck(parsed.doc);
      expect(first.datasets.length).toBeGreaterThan(0);
      for (const dataset of first.datasets) {
        const { document, dropped } = contractToOdcs(dataset.contract, dataset.checks);
        // Everything read from ODCS can be written back.
        expect(dropped).toEqual([]);
        expect(schemaErrors(JSON.parse(JSON.stringify(document)))).toEqual([]);
        const again = parseYamlDocument(odcsYaml(document), 'exported.odcs.yaml');
        if (!again.ok) throw new Error(again.issue.message);
        const second = odcsToDatacheck(again.doc);
        expect(second.issues).toEqual([]);
        expect(second.datasets.map(modelled)).toEqual([modelled(dataset)]);
      }
    });
  }
});
