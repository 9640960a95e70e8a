import type { Schema } from 'apache-arrow';
import { Type } from 'apache-arrow';
import type { PlannedMetric } from '../../engine.js';
import type { MetricSpec } from '../../../model/metric.js';
import type { SourceParts } from '../../../sources/source.js';
import type { EvalContext } from '../expr/evaluate.js';
import { partsSchema, readParts } from '../../../sources/read-parts.js';
import { initRunning, processBatch, type Running } from '../running.js';
import { deserializeError, type WorkerOutput } from './protocol.js';
import { spawnWorker, type RunningWorker } from './spawn-worker.js';
import { splitParts } from './split-parts.js';

/**
 * Rows the main thread computes while a worker starts (measured: ~0.25 s to spawn it and load the
 * engine, at ~2M rows/s per thread on the benchmark's contract), so both finish together.
 */
const WORKER_START_ROWS = 500_000;

/**
 * Computes the metrics over contiguous ranges of parts: the main thread takes the first range
 * (no worker start-up, no state transfer for it), one worker thread each of the others. States
 * are merged in range order, so every result, failing-row samples included, equals one pass.
 *
 * Not split: `duplicate_count` over text keys (strings, several columns). Its sample pairs each
 * key's first row with its second occurrence, which another range may hold; merging would lose
 * those pairs. It runs on the main thread over every range instead (while the workers run).
 *
 * Errors: the first error in dataset order wins, as in one pass (a worker's is rebuilt from its
 * issue); workers are always terminated.
 */
export async function computeParallel(
  sp: SourceParts,
  metrics: PlannedMetric[],
  evalCtx: EvalContext,
  threads: number,
  onSplit?: (rangeRows: number[]) => void,
  sampleColumns?: string[],
): Promise<Running[]> {
  const schema = await partsSchema(sp.spec);
  const running = initRunning(metrics, sampleColumns);
  const mainOnly = running.filter((r) => !r.issue && !splittable(r.metric.spec, schema));
  const shared = running.filter((r) => !r.issue && !mainOnly.includes(r));
  const ranges = splitParts(sp.parts, threads, WORKER_START_ROWS);
  onSplit?.(ranges.map((r) => r.reduce((n, p) => n + p.rows, 0)));
  const nowMs = (evalCtx.now ?? new Date()).getTime();
  const workers: RunningWorker[] = [];
  try {
    if (shared.length > 0)
      for (const parts of ranges.slice(1))
        workers.push(
          spawnWorker({ spec: sp.spec, parts, metrics: shared.map((r) => r.metric), nowMs, ...(sampleColumns && { sampleColumns }) }),
        );
    for await (const sb of readParts(sp.spec, ranges[0], schema)) processBatch(sb, running, evalCtx);
    for (const r of shared) if (!r.issue) r.agg.prepare?.(r.state);
    // Main-only metrics also read the workers' ranges; each range's first error is kept in order.
    const mainErrors: unknown[] = [];
    if (mainOnly.length > 0) {
      for (const [k, parts] of ranges.slice(1).entries()) {
        try {
          for await (const sb of readParts(sp.spec, parts, schema)) processBatch(sb, mainOnly, evalCtx);
        } catch (e) {
          mainErrors[k] = e;
          break;
        }
      }
    }
    for (const [k, worker] of workers.entries()) {
      if (mainErrors[k] !== undefined) throw mainErrors[k];
      const out: WorkerOutput = await worker.output;
      if (!out.ok) throw deserializeError(out.error);
      mergeRange(shared, out);
    }
    const late = mainErrors.find((e) => e !== undefined);
    if (late !== undefined) throw late;
    return running;
  } finally {
    await Promise.all(workers.map((w) => w.terminate().catch(() => {})));
  }
}

/** Folds a later range's states in; the earliest issue of a metric stands, as in one pass. */
function mergeRange(shared: Running[], out: Extract<WorkerOutput, { ok: true }>): void {
  shared.forEach((r, i) => {
    if (r.issue) return;
    const theirs = out.states[i];
    if ('issue' in theirs) r.issue = theirs.issue;
    else r.state = r.agg.merge(r.state, r.agg.revive ? r.agg.revive(theirs.state) : theirs.state);
  });
}

/**
 * Whether a metric's merge is exact. Only duplicate_count over text keys is not (see above); its
 * key shape mirrors keys.ts: one numeric/temporal column is hashed as 64-bit words.
 */
function splittable(spec: MetricSpec, schema: Schema): boolean {
  if (spec.kind !== 'duplicate_count') return true;
  if (spec.columns.length !== 1) return false;
  const field = schema.fields.find((f) => f.name === spec.columns[0]);
  if (!field) return true; // the same missing-column issue in every range
  const t = field.type.typeId;
  return (
    t === Type.Int || (t === Type.Float && (field.type as { precision: number }).precision > 0) || t === Type.Timestamp || t === Type.Date
  );
}
