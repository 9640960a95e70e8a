import { createHash } from 'node:crypto';
import path from 'node:path';
import type { RunResult } from '../../model/result.js';
import { facet, runEvent } from '../../openlineage/index.js';
import type { Job, RunEvent } from '../../openlineage/index.js';
import { inputDataset } from './input-dataset.js';

export interface RunEventOptions {
  /** Job namespace (the reporter resolves it: option, openlineage.yml, OPENLINEAGE_NAMESPACE, `default`). */
  namespace: string;
  /** Job name (default `datacheck.<project directory name>`). */
  job?: string;
  /** The `producer` URI (default DATACHECK_PRODUCER for the run's datacheck version). */
  producer?: string;
}

/** datacheck's producer URI, pinned to the version that made the run. */
export const datacheckProducer = (version: string) => `https://github.com/datacheck/datacheck/tree/v${version}`;

/**
 * The run as OpenLineage events: START at the run's start, then COMPLETE at its end, or FAIL when
 * the run could not be done (outcome `error`), with an errorMessage facet. A run whose checks failed
 * still COMPLETEs: it happened, and its dataQualityAssertions say what failed. Both events are
 * built from the RunResult alone, after the run, with the recorded times; a saved result can be
 * sent again with `datacheck report results.json --reporter openlineage` (same run id).
 */
export function runEvents(run: RunResult, options: RunEventOptions): [RunEvent, RunEvent] {
  const producer = options.producer ?? datacheckProducer(run.tool.version);
  const job: Job = {
    namespace: options.namespace,
    name: options.job ?? `datacheck.${path.basename(run.cwd) || 'project'}`,
    facets: { jobType: facet('JobTypeJobFacet', producer, { processingType: 'BATCH', integration: 'DATACHECK', jobType: 'TEST' }) },
  };
  const runId = asUuid(run.runId);
  const engine = { processing_engine: facet('ProcessingEngineRunFacet', producer, { name: 'datacheck', version: run.tool.version }) };
  const start = runEvent({
    eventType: 'START',
    eventTime: run.startedAt,
    runId,
    job,
    producer,
    runFacets: engine,
    inputs: run.datasets.map((d) => inputDataset(d, producer, false)),
  });
  const failed = run.outcome === 'error';
  const end = runEvent({
    eventType: failed ? 'FAIL' : 'COMPLETE',
    eventTime: run.finishedAt,
    runId,
    job,
    producer,
    runFacets: {
      ...engine,
      ...(failed && {
        errorMessage: facet('ErrorMessageRunFacet', producer, { message: errorSummary(run), programmingLanguage: 'TypeScript' }),
      }),
    },
    inputs: run.datasets.map((d) => inputDataset(d, producer, true)),
  });
  return [start, end];
}

/** What made the run `error`: run issues, dataset issues and checks that could not run, first few. */
function errorSummary(run: RunResult): string {
  const problems = [
    ...run.issues.map((i) => i.message),
    ...run.datasets.flatMap((d) => d.issues.map((i) => `${d.name}: ${i.message}`)),
    ...run.datasets.flatMap((d) =>
      d.checks
        .filter((c) => c.outcome === 'error' && d.issues.length === 0)
        .map((c) => `${d.name}: ${c.title}: ${c.issue?.message ?? c.message}`),
    ),
  ];
  const shown = problems.slice(0, 5);
  const more = problems.length > shown.length ? `; and ${problems.length - shown.length} more` : '';
  return `the run could not be done: ${shown.join('; ') || 'unknown error'}${more}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The run id as is (datacheck writes UUIDv7s); a hand-made result's id becomes a stable UUID. */
function asUuid(id: string): string {
  if (UUID.test(id)) return id.toLowerCase();
  const hex = createHash('sha256').update(id).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
