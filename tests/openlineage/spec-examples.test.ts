import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_EVENTS, readJson, SPEC_DIR, specValidator } from './spec.js';

const spec = specValidator();

describe('the validator itself (so the event tests can fail)', () => {
  it('accepts every facet example of the spec, each under its own key', () => {
    const dirs = readdirSync(path.join(SPEC_DIR, 'tests'), { withFileTypes: true }).filter((d) => d.isDirectory());
    let n = 0;
    for (const dir of dirs) {
      const file = spec.facets.find((f) => f.def === dir.name);
      if (!file) continue;
      for (const name of readdirSync(path.join(SPEC_DIR, 'tests', dir.name))) {
        const doc = readJson(`tests/${dir.name}/${name}`) as Record<string, Record<string, unknown>>;
        const position = (
          {
            RunFacet: 'run',
            JobFacet: 'job',
            DatasetFacet: 'facets',
            InputDatasetFacet: 'inputFacets',
            OutputDatasetFacet: 'outputFacets',
          } as const
        )[file.base as 'RunFacet'];
        if (!position) continue;
        for (const [key, facet] of Object.entries(doc)) {
          expect(spec.validateFacet(position, key, facet, key, false), `${dir.name}/${name}`).toEqual([]);
          n++;
        }
      }
    }
    expect(n).toBeGreaterThan(30);
  });

  it('accepts the spec and Marquez example events, and rejects the one without schemaURL', () => {
    for (const f of EXAMPLE_EVENTS) expect(spec.validateCore(readJson(f)), f).toEqual([]);
    expect(spec.validateCore(readJson('marquez-examples/event_without_schema_url.json')).join('\n')).toContain('schemaURL');
  });

  it('rejects a bad runId, a facet without _producer, and a facet in the wrong place', () => {
    const event = {
      eventType: 'COMPLETE',
      eventTime: '2026-11-23T10:00:00Z',
      producer: 'https://example.com/p',
      schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
      run: { runId: 'not-a-uuid' },
      job: { namespace: 'n', name: 'j' },
      inputs: [
        {
          namespace: 'file',
          name: '/x',
          facets: {
            dataQualityAssertions: {
              _producer: 'https://e.com',
              _schemaURL:
                'https://openlineage.io/spec/facets/1-1-0/DataQualityAssertionsDatasetFacet.json#/$defs/DataQualityAssertionsDatasetFacet',
              assertions: [],
            },
          },
        },
      ],
    };
    const errors = spec.validateEvent(event).join('\n');
    expect(errors).toContain('format');
    expect(errors).toContain('does not belong in facets');
    expect(
      spec
        .validateFacet('run', 'processing_engine', {
          version: '1',
          _schemaURL: 'https://openlineage.io/spec/facets/1-1-1/ProcessingEngineRunFacet.json#/$defs/ProcessingEngineRunFacet',
        })
        .join(),
    ).toContain('_producer');
  });
});
