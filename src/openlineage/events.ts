import type {
  BaseFacet,
  DataQualityAssertionsDatasetFacet,
  DataQualityMetricsInputDatasetFacet,
  DatasetVersionDatasetFacet,
  DatasourceDatasetFacet,
  ErrorMessageRunFacet,
  InputDataset,
  Job,
  JobTypeJobFacet,
  OutputDataset,
  ProcessingEngineRunFacet,
  RunEvent,
  SchemaDatasetFacet,
} from './generated/openlineage.js';
import { OPENLINEAGE_SCHEMA_IDS } from './generated/openlineage.js';

/** The facets this client builds, by their spec name: each one's type comes from its JSON Schema. */
export interface FacetTypes {
  SchemaDatasetFacet: SchemaDatasetFacet;
  DatasourceDatasetFacet: DatasourceDatasetFacet;
  DataQualityMetricsInputDatasetFacet: DataQualityMetricsInputDatasetFacet;
  DataQualityAssertionsDatasetFacet: DataQualityAssertionsDatasetFacet;
  JobTypeJobFacet: JobTypeJobFacet;
  ProcessingEngineRunFacet: ProcessingEngineRunFacet;
  ErrorMessageRunFacet: ErrorMessageRunFacet;
  DatasetVersionDatasetFacet: DatasetVersionDatasetFacet;
}
export type FacetName = keyof FacetTypes;

/**
 * What a caller writes for a facet: its own fields, without `_producer`/`_schemaURL` (set by
 * `facet`). Each generated facet type is `BaseFacet & { ...its fields }`; taking the part after
 * BaseFacet also drops BaseFacet's index signature (`[k: string]: unknown`), so a misspelt field
 * is a compile error (`Omit<T, '_producer'>` would keep only the index signature).
 */
export type FacetBody<T> = T extends BaseFacet & infer Own ? Own : never;

/** `https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent`, as the Python client sends it. */
export const RUN_EVENT_SCHEMA_URL = `${OPENLINEAGE_SCHEMA_IDS.core}#/$defs/RunEvent`;

/** A facet with `_producer` and `_schemaURL` (the facet schema's `$id` + `#/$defs/<name>`) set. */
export function facet<N extends FacetName>(name: N, producer: string, body: FacetBody<FacetTypes[N]>): FacetTypes[N] {
  return { _producer: producer, _schemaURL: `${OPENLINEAGE_SCHEMA_IDS[name]}#/$defs/${name}`, ...body } as FacetTypes[N];
}

export type RunEventType = NonNullable<RunEvent['eventType']>;

export interface RunEventInput {
  eventType: RunEventType;
  /** A Date or an ISO 8601 timestamp with zone. */
  eventTime: Date | string;
  /** A UUID (v7 recommended); the same for every event of one run. */
  runId: string;
  job: Job;
  /** URI of the code that produced the event, ideally pinned to a version. */
  producer: string;
  runFacets?: NonNullable<RunEvent['run']['facets']>;
  inputs?: InputDataset[];
  outputs?: OutputDataset[];
}

/** A RunEvent with `schemaURL` set; empty facet maps and dataset lists are left out. */
export function runEvent(input: RunEventInput): RunEvent {
  const facets = input.runFacets && Object.keys(input.runFacets).length > 0 ? input.runFacets : undefined;
  return {
    eventType: input.eventType,
    eventTime: typeof input.eventTime === 'string' ? input.eventTime : input.eventTime.toISOString(),
    run: { runId: input.runId, ...(facets && { facets }) },
    job: input.job,
    ...(input.inputs?.length && { inputs: input.inputs }),
    ...(input.outputs?.length && { outputs: input.outputs }),
    producer: input.producer,
    schemaURL: RUN_EVENT_SCHEMA_URL,
  };
}
