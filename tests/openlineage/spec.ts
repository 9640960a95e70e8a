import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { sharedPath } from '../support/shared-dir.js';

/** The OpenLineage spec, read where it lives (never copied into the repo): see shared-dir.ts. */
export const SPEC_DIR = (() => {
  const dir = sharedPath('oracles', 'openlineage');
  if (!existsSync(path.join(dir, 'OpenLineage.json'))) throw new Error(`OpenLineage spec not found in ${dir}`);
  return dir;
})();

export const readJson = (file: string): unknown => JSON.parse(readFileSync(path.resolve(SPEC_DIR, file), 'utf8'));

/** The spec's and Marquez's own example events: valid against OpenLineage.json. */
export const EXAMPLE_EVENTS = [
  'tests/example_full_event.json',
  ...['event_full', 'event_simple', 'event_required_only', 'event_additional_facet', 'event_dataset_event', 'event_job_event'].map(
    (n) => `marquez-examples/${n}.json`,
  ),
];

interface FacetFile {
  id: string;
  /** The key it is attached under, e.g. `dataQualityAssertions`. */
  key: string;
  /** Its $defs name, e.g. `DataQualityAssertionsDatasetFacet`. */
  def: string;
  /** The base it extends: RunFacet, JobFacet, DatasetFacet, InputDatasetFacet, OutputDatasetFacet. */
  base: string;
}

/** Where each kind of facet may be attached in a RunEvent. */
const POSITIONS: Record<string, string> = {
  run: 'RunFacet',
  job: 'JobFacet',
  facets: 'DatasetFacet',
  inputFacets: 'InputDatasetFacet',
  outputFacets: 'OutputDatasetFacet',
};

/**
 * ajv (draft 2020-12) with OpenLineage.json and every facet schema. ajv-formats is not installed,
 * so the three formats the spec uses are checked here (strictly enough to catch a bad runId,
 * eventTime or producer).
 */
export function specValidator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  ajv.addFormat(
    'date-time',
    (s: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(s) && !Number.isNaN(Date.parse(s)),
  );
  ajv.addFormat('uri', (s: string) => /^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(s) && URL.canParse(s));
  const core = readJson('OpenLineage.json') as { $id: string };
  ajv.addSchema(core);
  const facets: FacetFile[] = [];
  for (const name of readdirSync(path.join(SPEC_DIR, 'facets'))) {
    const schema = readJson(`facets/${name}`) as {
      $id: string;
      properties: Record<string, { $ref?: string }>;
      $defs: Record<string, { allOf?: { $ref?: string }[] }>;
    };
    ajv.addSchema(schema);
    for (const [key, prop] of Object.entries(schema.properties)) {
      // LineageFacet (unreleased) attaches one key as anyOf of two facets; datacheck emits neither.
      if (!prop.$ref) continue;
      const def = prop.$ref.replace('#/$defs/', '');
      const base = schema.$defs[def]?.allOf?.[0]?.$ref?.split('#/$defs/')[1] ?? 'BaseFacet';
      facets.push({ id: schema.$id, key, def, base });
    }
  }
  const compiled = new Map<string, ValidateFunction>();
  const get = (id: string) => {
    let v = compiled.get(id);
    if (!v) compiled.set(id, (v = ajv.getSchema(id)!));
    return v;
  };
  const errorsOf = (v: ValidateFunction, where: string) =>
    (v.errors ?? []).map((e) => `${where}${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);

  /**
   * Errors of one facet attached at `position` under `key`; empty when valid. The schema is the
   * facet file that declares `key` for that position; `exactSchemaUrl` (on for our own events)
   * also requires `_schemaURL` to point at exactly that file's definition.
   */
  function validateFacet(
    position: keyof typeof POSITIONS,
    key: string,
    facet: unknown,
    where = `${position}.${key}`,
    exactSchemaUrl = true,
  ): string[] {
    const candidates = facets.filter((f) => f.key === key);
    if (candidates.length === 0) return [`${where}: no spec facet is attached under '${key}'`];
    const file = candidates.find((f) => f.base === POSITIONS[position]);
    if (!file)
      return [`${where}: ${candidates.map((f) => f.def).join(', ')} extends ${candidates[0].base}, so it does not belong in ${position}`];
    const errors: string[] = [];
    const schemaUrl = (facet as { _schemaURL?: string })?._schemaURL;
    const expected = `${file.id}#/$defs/${file.def}`;
    if (exactSchemaUrl && schemaUrl !== expected) errors.push(`${where}: _schemaURL is ${schemaUrl}, expected ${expected}`);
    const v = get(file.id);
    if (!v({ [key]: facet })) errors.push(...errorsOf(v, where));
    return errors;
  }

  /** Errors against OpenLineage.json alone (which checks every facet only as a BaseFacet). */
  function validateCore(event: unknown): string[] {
    const v = get(core.$id);
    return v(event) ? [] : errorsOf(v, 'event');
  }

  /** Errors of one of our events: the core schema, then every facet against its own schema. */
  function validateEvent(event: unknown): string[] {
    const errors = validateCore(event);
    const e = event as {
      run?: { facets?: Record<string, unknown> };
      job?: { facets?: Record<string, unknown> };
      inputs?: { facets?: Record<string, unknown>; inputFacets?: Record<string, unknown> }[];
      outputs?: { facets?: Record<string, unknown>; outputFacets?: Record<string, unknown> }[];
    };
    const each = (position: keyof typeof POSITIONS, map: Record<string, unknown> | undefined, where: string) => {
      for (const [key, facet] of Object.entries(map ?? {})) errors.push(...validateFacet(position, key, facet, `${where}.${key}`));
    };
    each('run', e.run?.facets, 'run.facets');
    each('job', e.job?.facets, 'job.facets');
    e.inputs?.forEach((d, i) => {
      each('facets', d.facets, `inputs[${i}].facets`);
      each('inputFacets', d.inputFacets, `inputs[${i}].inputFacets`);
    });
    e.outputs?.forEach((d, i) => {
      each('facets', d.facets, `outputs[${i}].facets`);
      each('outputFacets', d.outputFacets, `outputs[${i}].outputFacets`);
    });
    return errors;
  }

  return { validateCore, validateEvent, validateFacet, facets };
}
