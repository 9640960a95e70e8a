import { describe, expect, it } from 'vitest';
import { facet, fileDataset, postgresDataset, duckdbDataset, runEvent, RUN_EVENT_SCHEMA_URL } from '../../src/openlineage/index.js';
import { PRODUCER, sampleEvent } from './sample-event.js';
import { specValidator } from './spec.js';

const spec = specValidator();

describe('event builders', () => {
  it('build an event valid against OpenLineage.json and each facet schema', () => {
    expect(spec.validateEvent(sampleEvent())).toEqual([]);
    expect(sampleEvent().schemaURL).toBe('https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent');
    expect(RUN_EVENT_SCHEMA_URL).toBe(sampleEvent().schemaURL);
  });

  it('facet() sets _producer and the versioned _schemaURL of the facet definition', () => {
    expect(facet('ErrorMessageRunFacet', PRODUCER, { message: 'x', programmingLanguage: 'TypeScript' })).toEqual({
      _producer: PRODUCER,
      _schemaURL: 'https://openlineage.io/spec/facets/1-0-1/ErrorMessageRunFacet.json#/$defs/ErrorMessageRunFacet',
      message: 'x',
      programmingLanguage: 'TypeScript',
    });
    // @ts-expect-error a required field of the facet is missing
    facet('ErrorMessageRunFacet', PRODUCER, { message: 'x' });
    // @ts-expect-error a misspelt field is a compile error (the base facet's index signature is not inherited)
    facet('ProcessingEngineRunFacet', PRODUCER, { version: '1', nmae: 'datacheck' });
  });

  it('runEvent() leaves out empty facet maps and dataset lists', () => {
    const e = runEvent({
      eventType: 'START',
      eventTime: '2026-11-23T10:00:00Z',
      runId: '019ab0c4-6a80-7c3e-9d2b-4f1e2a3b4c5d',
      producer: PRODUCER,
      job: { namespace: 'n', name: 'j' },
      runFacets: {},
      inputs: [],
    });
    expect(e).toEqual({
      eventType: 'START',
      eventTime: '2026-11-23T10:00:00Z',
      run: { runId: '019ab0c4-6a80-7c3e-9d2b-4f1e2a3b4c5d' },
      job: { namespace: 'n', name: 'j' },
      producer: PRODUCER,
      schemaURL: RUN_EVENT_SCHEMA_URL,
    });
    expect(spec.validateEvent(e)).toEqual([]);
  });

  it('the validator notices a broken event (the tests above can fail)', () => {
    const e = sampleEvent();
    e.run.runId = '42';
    (e.inputs![0].inputFacets!.dataQualityAssertions as unknown as { assertions: unknown[] }).assertions.push({ assertion: 'x' });
    const errors = spec.validateEvent(e).join('\n');
    expect(errors).toContain('runId must match format "uuid"');
    expect(errors).toContain("must have required property 'success'");
  });

  it('names datasets by the naming conventions', () => {
    expect(fileDataset('/data/orders.csv')).toEqual({ namespace: 'file', name: '/data/orders.csv' });
    expect(postgresDataset({ host: 'db', database: 'shop', schema: 'public', table: 'orders' })).toEqual({
      namespace: 'postgres://db:5432',
      name: 'shop.public.orders',
    });
    expect(duckdbDataset({ file: '/w/shop.duckdb', database: 'shop', schema: 'main', table: 'orders' })).toEqual({
      namespace: 'duckdb:///w/shop.duckdb',
      name: 'shop.main.orders',
    });
  });
});
