import { facet, runEvent } from '../../src/openlineage/index.js';
import type { RunEvent } from '../../src/openlineage/index.js';

export const PRODUCER = 'https://github.com/datacheck/datacheck/tree/v0.1.0';

/** A small but complete data-quality COMPLETE event, built with the client's own helpers. */
export function sampleEvent(): RunEvent {
  return runEvent({
    eventType: 'COMPLETE',
    eventTime: new Date('2026-11-23T10:00:00.000Z'),
    runId: '019ab0c4-6a80-7c3e-9d2b-4f1e2a3b4c5d',
    producer: PRODUCER,
    job: {
      namespace: 'analytics',
      name: 'datacheck.shop',
      facets: { jobType: facet('JobTypeJobFacet', PRODUCER, { processingType: 'BATCH', integration: 'DATACHECK', jobType: 'TEST' }) },
    },
    inputs: [
      {
        namespace: 'file',
        name: '/data/orders.csv',
        facets: { schema: facet('SchemaDatasetFacet', PRODUCER, { fields: [{ name: 'id', type: 'int32' }] }) },
        inputFacets: {
          dataQualityAssertions: facet('DataQualityAssertionsDatasetFacet', PRODUCER, {
            assertions: [{ assertion: 'not_null', column: 'id', success: true }],
          }),
        },
      },
    ],
  });
}
